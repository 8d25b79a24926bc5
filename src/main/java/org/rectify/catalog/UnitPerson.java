package org.rectify.catalog;

/**
 * A person of a unit whom an accountability decision may name, with the post that makes them answerable.
 *
 * @param post  PRINCIPAL (主要负责人), DEPUTY (分管负责人) or RESPONSIBLE (具体责任人)
 * @param title the person's office in words, e.g. 局长, 副局长, 市容科科长 (may be null)
 */
public record UnitPerson(long id, String unitCode, String name, String post, String title) {
}
