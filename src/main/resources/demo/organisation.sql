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
    ('FIRE_FACILITIES',     '消防设施',         'xfj'),
    -- a task of the breakdown table that went up the ladder to the discipline office is filed under this category
    ('TASK_NOT_DONE',       '任务未落实',       'cgj')
on conflict (code) do nothing;

-- The people an accountability decision may name (主要负责人, 分管负责人, 具体责任人), one of each per unit.
insert into unit_person (unit_code, name, post, title) values
    ('cgj',   '彭志强', 'PRINCIPAL', '局长'),   ('cgj',   '钱志远', 'DEPUTY', '副局长'),   ('cgj',   '孙浩然', 'RESPONSIBLE', '市容管理科科长'),
    ('scjgj', '鲁玉梅', 'PRINCIPAL', '局长'),   ('scjgj', '冯德明', 'DEPUTY', '副局长'),   ('scjgj', '褚丽华', 'RESPONSIBLE', '食品流通科科长'),
    ('wjj',   '潘文涛',   'PRINCIPAL', '局长'),   ('wjj',   '卫明辉', 'DEPUTY', '副局长'),   ('wjj',   '蒋晓燕', 'RESPONSIBLE', '公共卫生科科长'),
    ('jyj',   '葛新民',   'PRINCIPAL', '局长'),   ('jyj',   '沈佳怡', 'DEPUTY', '副局长'),   ('jyj',   '韩文博', 'RESPONSIBLE', '安全管理科科长'),
    ('jjdd',  '范永胜',   'PRINCIPAL', '大队长'), ('jjdd',  '杨振华', 'DEPUTY', '副大队长'), ('jjdd',  '朱海涛', 'RESPONSIBLE', '秩序中队中队长'),
    ('sthjj', '苗淑芬',   'PRINCIPAL', '局长'),   ('sthjj', '秦国栋', 'DEPUTY', '副局长'),   ('sthjj', '尤佳',   'RESPONSIBLE', '环境监察大队队长'),
    ('zjj',   '方国华',   'PRINCIPAL', '局长'),   ('zjj',   '许建平', 'DEPUTY', '副局长'),   ('zjj',   '何俊杰', 'RESPONSIBLE', '建筑管理科科长'),
    ('xfj',   '任建军',   'PRINCIPAL', '大队长'), ('xfj',   '吕振国', 'DEPUTY', '副大队长'), ('xfj',   '施永强', 'RESPONSIBLE', '防火监督科科长'),
    ('cxjd',  '袁晓红',   'PRINCIPAL', '主任'),   ('cxjd',  '张立新', 'DEPUTY', '副主任'),   ('cxjd',  '孔德胜', 'RESPONSIBLE', '城市管理办公室主任'),
    ('kjcjd', '邵光明',   'PRINCIPAL', '主任'),   ('kjcjd', '曹晓峰', 'DEPUTY', '副主任'),   ('kjcjd', '严国强', 'RESPONSIBLE', '城市管理办公室主任'),
    ('ygjd',  '汤雪梅',   'PRINCIPAL', '主任'),   ('ygjd',  '华晓东', 'DEPUTY', '副主任'),   ('ygjd',  '金明',   'RESPONSIBLE', '城市管理办公室主任'),
    ('xhsq',  '殷桂兰',   'PRINCIPAL', '书记'),   ('xhsq',  '魏春燕', 'DEPUTY', '副主任'),   ('xhsq',  '陶建军', 'RESPONSIBLE', '网格长'),
    ('mzsq',  '罗德华',   'PRINCIPAL', '书记'),   ('mzsq',  '姜美玲', 'DEPUTY', '副主任'),   ('mzsq',  '戚小兵', 'RESPONSIBLE', '网格长'),
    ('jxsq',  '毕晓梅',   'PRINCIPAL', '书记'),   ('jxsq',  '谢文静', 'DEPUTY', '副主任'),   ('jxsq',  '邹国庆', 'RESPONSIBLE', '网格长'),
    ('chsq',  '郝立军',   'PRINCIPAL', '书记'),   ('chsq',  '喻红梅', 'DEPUTY', '副主任'),   ('chsq',  '柏志强', 'RESPONSIBLE', '网格长'),
    ('qysq',  '邬春花',   'PRINCIPAL', '书记'),   ('qysq',  '水晓琴', 'DEPUTY', '副主任'),   ('qysq',  '窦建华', 'RESPONSIBLE', '网格长'),
    ('stsq',  '安志刚',   'PRINCIPAL', '书记'),   ('stsq',  '章丽娟', 'DEPUTY', '副主任'),   ('stsq',  '云海波', 'RESPONSIBLE', '网格长')
on conflict (unit_code, name, post) do nothing;
