package org.rectify.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rectify.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units' people whom an accountability decision may name (主要负责人, 分管负责人, 具体责任人), kept by the campaign
 * office and administrators. People are never deleted: a decision that named someone keeps naming them, so someone
 * who left is deactivated and is no longer offered for new decisions.
 */
@Service
public class UnitPeople {

    /** The posts, with the words the discipline office and the documents use. */
    public enum Post {
        PRINCIPAL("主要负责人"), DEPUTY("分管负责人"), RESPONSIBLE("具体责任人");

        private final String chineseLabel;

        Post(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }

        /** A post by its code or its Chinese name. */
        static Post parse(String text) {
            if (text == null || text.isBlank()) {
                throw DomainException.invalid("post-required", "请选择职务：主要负责人、分管负责人或具体责任人");
            }
            String t = text.strip();
            return Arrays.stream(values()).filter(p -> p.name().equals(t) || p.chineseLabel.equals(t)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("bad-post", "职务“" + t
                            + "”无效，可选：主要负责人（PRINCIPAL）、分管负责人（DEPUTY）、具体责任人（RESPONSIBLE）"));
        }
    }

    public record Person(long id, String unitCode, String unitName, String name, String post, String postLabel,
            String title, boolean active) {
    }

    /** What is entered for a person; {@code active} is only read on a change (null keeps it). */
    public record Entry(String unitCode, String name, String post, String title, Boolean active) {
    }

    private static final int MAX_NAME = 50;
    private static final int MAX_TITLE = 100;

    private final JdbcClient jdbc;
    private final Catalog catalog;

    UnitPeople(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Everyone of one unit (or of all units), the active first, principal before deputy before responsible. */
    public List<Person> list(String unitCode, boolean withInactive) {
        if (unitCode != null && catalog.unit(unitCode).isEmpty()) {
            throw DomainException.notFound("unit-not-found", "单位“" + unitCode + "”不存在");
        }
        return jdbc.sql("""
                select p.id, p.unit_code, u.name, p.name, p.post, p.title, p.active
                from unit_person p join unit u on u.code = p.unit_code
                where (cast(:unit as text) is null or p.unit_code = :unit) and (:withInactive or p.active)
                order by u.kind, p.unit_code, p.active desc,
                    case p.post when 'PRINCIPAL' then 1 when 'DEPUTY' then 2 else 3 end, p.id""")
                .param("unit", unitCode).param("withInactive", withInactive)
                .query((rs, n) -> person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .list();
    }

    public Person require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("person-not-found", "人员 " + id + " 不存在"));
    }

    private Optional<Person> find(long id) {
        return jdbc.sql("""
                select p.id, p.unit_code, u.name, p.name, p.post, p.title, p.active
                from unit_person p join unit u on u.code = p.unit_code where p.id = :id""")
                .param("id", id)
                .query((rs, n) -> person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional();
    }

    @Transactional
    public Person add(Entry entry) {
        if (entry == null) {
            throw DomainException.invalid("body-required", "请提供人员信息：单位、姓名、职务");
        }
        String unit = text(entry.unitCode(), 40, "单位");
        if (unit == null) {
            throw DomainException.invalid("unit-required", "请选择人员所在的单位");
        }
        if (catalog.unit(unit).isEmpty()) {
            throw DomainException.invalid("bad-unit", "单位“" + unit + "”不存在或已停用");
        }
        String name = requiredName(entry.name());
        Post post = Post.parse(entry.post());
        String title = text(entry.title(), MAX_TITLE, "职务名称");
        requireNoOther(unit, name, post, null);
        try {
            long id = jdbc.sql("""
                    insert into unit_person (unit_code, name, post, title) values (:unit, :name, :post, :title)
                    returning id""")
                    .param("unit", unit).param("name", name).param("post", post.name()).param("title", title)
                    .query(Long.class).single();
            return require(id);
        } catch (DuplicateKeyException e) {
            throw duplicate(name, post); // someone added the same person a moment earlier
        }
    }

    /** Corrects a person's name, post or office, or makes them active again; what decisions recorded stays. */
    @Transactional
    public Person change(long id, Entry entry) {
        Person current = require(id);
        if (entry == null) {
            throw DomainException.invalid("body-required", "请提供要修改的内容");
        }
        if (entry.unitCode() != null && !entry.unitCode().isBlank() && !entry.unitCode().strip().equals(current.unitCode())) {
            throw DomainException.invalid("unit-fixed", "人员不能调到另一个单位：请在原单位停用，再到新单位添加");
        }
        String name = entry.name() == null ? current.name() : requiredName(entry.name());
        Post post = entry.post() == null ? Post.valueOf(current.post()) : Post.parse(entry.post());
        String title = entry.title() == null ? current.title() : text(entry.title(), MAX_TITLE, "职务名称");
        boolean active = entry.active() == null ? current.active() : entry.active();
        requireNoOther(current.unitCode(), name, post, id);
        try {
            jdbc.sql("update unit_person set name = :name, post = :post, title = :title, active = :active where id = :id")
                    .param("name", name).param("post", post.name()).param("title", title).param("active", active)
                    .param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw duplicate(name, post);
        }
        return require(id);
    }

    /** No longer offered for new decisions; decisions that named the person keep their name. */
    @Transactional
    public Person deactivate(long id) {
        Person current = require(id);
        if (!current.active()) {
            throw DomainException.conflict("already-inactive", current.unitName() + current.postLabel() + current.name()
                    + "已停用");
        }
        jdbc.sql("update unit_person set active = false where id = :id").param("id", id).update();
        return require(id);
    }

    /** Checked before writing: after a failed write the transaction can no longer read. */
    private void requireNoOther(String unit, String name, Post post, Long except) {
        boolean exists = jdbc.sql("""
                select exists (select 1 from unit_person where unit_code = :unit and name = :name and post = :post
                               and (cast(:except as bigint) is null or id <> :except))""")
                .param("unit", unit).param("name", name).param("post", post.name()).param("except", except)
                .query(Boolean.class).single();
        if (exists) {
            throw DomainException.conflict("person-exists", catalog.unitName(unit) + "已有" + post.chineseLabel() + name
                    + "，不能重复添加（已停用的可重新启用）");
        }
    }

    private static DomainException duplicate(String name, Post post) {
        return DomainException.conflict("person-exists", "该单位已有" + post.chineseLabel() + name
                + "，不能重复添加（已停用的可重新启用）");
    }

    private static String requiredName(String value) {
        String name = text(value, MAX_NAME, "姓名");
        if (name == null) {
            throw DomainException.invalid("name-required", "请填写姓名");
        }
        return name;
    }

    private static String text(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            throw DomainException.invalid("too-long", what + "不能超过 " + max + " 个字（现为 " + t.length() + " 个字）");
        }
        return t;
    }

    private static Person person(long id, String unitCode, String unitName, String name, String post, String title,
            boolean active) {
        return new Person(id, unitCode, unitName, name, post, Post.valueOf(post).chineseLabel(), title, active);
    }
}
