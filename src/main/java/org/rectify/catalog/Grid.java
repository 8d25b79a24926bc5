package org.rectify.catalog;

/** A grid cell (网格) under a community; it tells which street and community a problem belongs to. */
public record Grid(String code, String name, String communityCode, String streetCode) {
}
