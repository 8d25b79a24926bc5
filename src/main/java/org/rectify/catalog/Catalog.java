package org.rectify.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rectify.shared.TransactionMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reference data every other feature looks up: units, categories and grid cells. Read from the database once per
 * transaction ({@link TransactionMemo}): a step asks for the same names many times, and the tables change only between
 * requests.
 */
@Service
public class Catalog {

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> units() {
        return TransactionMemo.get("catalog.units", () -> jdbc.sql("select code, name, kind, parent_code, leader_name from unit where active order by kind, code")
                .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), Unit.Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list());
    }

    public Optional<Unit> unit(String code) {
        return units().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public Map<String, String> unitNames(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> all = allUnitNames();
        return codes.stream().filter(all::containsKey).distinct().collect(Collectors.toMap(Function.identity(), all::get));
    }

    /** Every unit's name, retired units included: old cases and documents still name them. */
    private Map<String, String> allUnitNames() {
        return TransactionMemo.get("catalog.unitNames", () -> jdbc.sql("select code, name from unit")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public String unitName(String code) {
        return code == null ? null : unitNames(List.of(code)).getOrDefault(code, code);
    }

    public List<Category> categories() {
        return TransactionMemo.get("catalog.categories", () ->
                jdbc.sql("select code, name, default_unit_code from category where active order by code")
                        .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list());
    }

    public Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<Grid> grids() {
        return TransactionMemo.get("catalog.grids", () -> jdbc.sql("""
                select g.code, g.name, g.community_code, c.parent_code
                from grid g join unit c on c.code = g.community_code order by g.code""")
                .query((rs, n) -> new Grid(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    public Optional<Grid> grid(String code) {
        return grids().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** The unit's people whom a decision may name, principal first (table unit_person). */
    public List<UnitPerson> people(String unitCode) {
        return jdbc.sql("""
                select id, unit_code, name, post, title from unit_person where unit_code = :unit and active
                order by case post when 'PRINCIPAL' then 1 when 'DEPUTY' then 2 else 3 end, id""")
                .param("unit", unitCode)
                .query((rs, n) -> new UnitPerson(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public Map<String, Unit> unitsByCode() {
        return units().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    }
}
