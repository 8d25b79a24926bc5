package org.rectify.catalog;

/** A kind of problem (问题类别) with the line department that handles it by default. */
public record Category(String code, String name, String defaultUnitCode) {
}
