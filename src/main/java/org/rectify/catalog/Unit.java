package org.rectify.catalog;

/** A responsible unit: a line department (条) or a territorial street or community (块). Its code is its Camunda group id. */
public record Unit(String code, String name, Kind kind, String parentCode, String leaderName) {

    public enum Kind {
        DEPARTMENT("行业部门"), STREET("街道"), COMMUNITY("社区");

        private final String chineseLabel;

        Kind(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }
    }
}
