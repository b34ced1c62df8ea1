package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaArePrefixedWithAnApostrophe() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠x"}) {
            assertThat(CsvCells.neutralise(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void otherCellsAreLeftAsTheyAre() {
        for (String text : new String[] {"Ada", " =1", "1=1", "'quoted", "名前", ""}) {
            assertThat(CsvCells.neutralise(text)).isEqualTo(text);
        }
        assertThat(CsvCells.neutralise(null)).isNull();
    }
}
