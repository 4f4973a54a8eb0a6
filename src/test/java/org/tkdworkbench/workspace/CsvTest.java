package org.tkdworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotedFieldsReadBackAsWritten() {
    java.util.List<String> fields = java.util.List.of("plain", "a,b", "say \"hi\"", "two\nlines", "");
    String line = String.join(",", fields.stream().map(Csv::quote).toList()) + "\n";
    java.util.List<Csv.Row> rows = Csv.parse(line);
    org.assertj.core.api.Assertions.assertThat(rows).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(rows.get(0).fields()).containsExactlyElementsOf(fields);
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() {
    List<Csv.Row> rows =
        Csv.parse(
            "fname,labels,split\r\n"
                + "64760,\"Bark,Dog\",train\r\n"
                + "1,\"say \"\"hi\"\"\",val\n"
                + "2,\"two\n"
                + "lines\",test\n");
    assertThat(rows)
        .extracting(Csv.Row::fields)
        .containsExactly(
            List.of("fname", "labels", "split"),
            List.of("64760", "Bark,Dog", "train"),
            List.of("1", "say \"hi\"", "val"),
            List.of("2", "two\nlines", "test"));
    assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 4);
    assertThat(rows).allSatisfy(r -> assertThat(r.error()).isNull());
  }

  @Test
  void lineNumbersCountLinesInsideQuotedFieldsAndBlankLinesAreSkipped() {
    List<Csv.Row> rows = Csv.parse("a,b\n\n\"x\ny\",1\n\nz,2");
    assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 3, 6);
    assertThat(rows.get(2).fields()).containsExactly("z", "2");
  }

  @Test
  void byteOrderMarkEmptyFieldsAndOldMacLineEnds() {
    List<Csv.Row> rows = Csv.parse("\uFEFFpath,label,split\ra.wav,dog,\r,,");
    assertThat(rows.get(0).fields()).containsExactly("path", "label", "split");
    assertThat(rows.get(1).fields()).containsExactly("a.wav", "dog", "");
    assertThat(rows.get(2).fields()).containsExactly("", "", "");
    assertThat(rows.get(1).field(7)).isEmpty();
  }

  @Test
  void malformedRowsCarryAnErrorInsteadOfThrowing() {
    List<Csv.Row> rows = Csv.parse("a,b\n\"x\"y,1\nok,2\n\"never closed,3\n4,5\n");
    assertThat(rows.get(1).error()).contains("after a closing quote").contains("field 1");
    assertThat(rows.get(2).error()).isNull();
    assertThat(rows.get(3).error()).contains("never closed").contains("line 4");
    assertThat(rows).hasSize(4); // the open quote swallows the rest, as RFC 4180 reads it
  }

  @Test
  void columnsAreFoundByNameIgnoringCaseAndSpaces() {
    Csv.Row header = Csv.parse(" Path ,LABEL,extra").get(0);
    assertThat(Csv.columns(header, "path", "label", "split")).containsExactly(0, 1, -1);
  }
}
