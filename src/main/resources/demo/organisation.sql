-- The demo organisation: a fictional high-tech zone (云岭高新区). Loaded only in the demo profile; every
-- statement is idempotent so a restart changes nothing.

insert into unit (code, name, kind, parent_code, leader_name) values
    ('cgj',   '高新区城市管理局',     'DEPARTMENT', null, '王建国'),
    ('scjgj', '高新区市场监督管理局', 'DEPARTMENT', null, '李秀英'),
    ('wjj',   '高新区卫生健康局',     'DEPARTMENT', null, '张伟'),
    ('jyj',   '高新区教育局',         'DEPARTMENT', null, '刘洋'),
    ('jjdd',  '高新区交警大队',       'DEPARTMENT', null, '陈刚'),
    ('sthjj', '高新区生态环境分局',   'DEPARTMENT', null, '杨静'),
    ('zjj',   '高新区住房和城乡建设局', 'DEPARTMENT', null, '赵磊'),
    ('xfj',   '高新区消防救援大队',   'DEPARTMENT', null, '黄勇'),
    ('cxjd',  '创新街道办事处',       'STREET',     null, '周敏'),
    ('kjcjd', '科技城街道办事处',     'STREET',     null, '吴强'),
    ('ygjd',  '云谷街道办事处',       'STREET',     null, '郑丽')
on conflict (code) do nothing;

insert into unit (code, name, kind, parent_code, leader_name) values
    ('xhsq', '星河社区居委会', 'COMMUNITY', 'cxjd',  '孙红'),
    ('mzsq', '明珠社区居委会', 'COMMUNITY', 'cxjd',  '马超'),
    ('jxsq', '锦绣社区居委会', 'COMMUNITY', 'kjcjd', '朱琳'),
    ('chsq', '翠湖社区居委会', 'COMMUNITY', 'kjcjd', '胡军'),
    ('qysq', '青云社区居委会', 'COMMUNITY', 'ygjd',  '林芳'),
    ('stsq', '松涛社区居委会', 'COMMUNITY', 'ygjd',  '何平')
on conflict (code) do nothing;

insert into grid (code, name, community_code) values
    ('xhsq-01', '星河社区第一网格', 'xhsq'), ('xhsq-02', '星河社区第二网格', 'xhsq'),
    ('mzsq-01', '明珠社区第一网格', 'mzsq'), ('mzsq-02', '明珠社区第二网格', 'mzsq'),
    ('jxsq-01', '锦绣社区第一网格', 'jxsq'), ('jxsq-02', '锦绣社区第二网格', 'jxsq'),
    ('chsq-01', '翠湖社区第一网格', 'chsq'), ('chsq-02', '翠湖社区第二网格', 'chsq'),
    ('qysq-01', '青云社区第一网格', 'qysq'), ('qysq-02', '青云社区第二网格', 'qysq'),
    ('stsq-01', '松涛社区第一网格', 'stsq'), ('stsq-02', '松涛社区第二网格', 'stsq')
on conflict (code) do nothing;

insert into category (code, name, default_unit_code) values
    ('STREET_VENDING',      '占道经营',         'cgj'),
    ('OUT_OF_SHOP',         '店外经营',         'cgj'),
    ('STALLS',              '摆摊设点',         'cgj'),
    ('ILLEGAL_BUILDING',    '乱搭乱建',         'cgj'),
    ('MUCK_TRANSPORT',      '渣土运输',         'cgj'),
    ('CONSTRUCTION_SITE',   '建筑工地扬尘',     'zjj'),
    ('MARKET_HYGIENE',      '集贸农贸市场卫生', 'scjgj'),
    ('FOOD_SAFETY',         '食品安全',         'scjgj'),
    ('PEST_CONTROL',        '病媒生物防制',     'wjj'),
    ('NO_SMOKING_SIGNS',    '禁烟标识缺失',     'wjj'),
    ('SCHOOL_SURROUNDINGS', '校园周边环境',     'jyj'),
    ('TRAFFIC_ORDER',       '交通秩序',         'jjdd'),
    ('ILLEGAL_PARKING',     '违章停车',         'jjdd'),
    ('E_BIKE',              '电动车违规',       'jjdd'),
    ('BLACK_ODOROUS_WATER', '黑臭水体',         'sthjj'),
    ('CATERING_FUMES',      '餐饮油烟',         'sthjj'),
    ('NOISE',               '噪声扰民',         'sthjj'),
    ('STAIRWELL_CLUTTER',   '楼道杂物',         'zjj'),
    ('STREET_LIGHT',        '路灯不亮',         'zjj'),
    ('ACCESSIBILITY',       '无障碍设施',       'zjj'),
    ('FLYERS',              '小广告',           'cgj'),
    ('PUBLIC_TOILET',       '公厕保洁',         'cgj'),
    ('GARBAGE_COLLECTION',  '垃圾清运',         'cgj'),
    ('GARBAGE_SORTING',     '垃圾分类',         'cgj'),
    ('THREE_GUARANTEES',    '门前三包',         'cgj'),
    ('FIRE_FACILITIES',     '消防设施',         'xfj')
on conflict (code) do nothing;
