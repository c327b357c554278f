import { describe, expect, test } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  test("plain text and numbers are written as they are", () => {
    expect(csvCell("nightly export")).toBe("nightly export");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(true)).toBe("true");
  });

  test("missing values are empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  test("quotes, commas and line breaks are quoted, with quotes doubled", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("carriage\rreturn")).toBe('"carriage\rreturn"');
  });

  test.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")'])(
    "a text cell starting like a formula (%j) gets a leading apostrophe",
    (text) => {
      const cell = csvCell(text);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${text}`);
    },
  );

  test("a formula with a comma is neutralised and quoted", () => {
    expect(csvCell("=SUM(1,2)")).toBe(`"'=SUM(1,2)"`);
  });

  test("negative numbers stay numbers: only text is a formula risk", () => {
    expect(csvCell(-3)).toBe("-3");
  });

  test("formula characters later in the text are left alone", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("user@example.com")).toBe("user@example.com");
  });
});

describe("toCsv", () => {
  test("a header row and one CRLF-terminated line per row", () => {
    expect(
      toCsv(
        ["id", "description"],
        [
          ["a", "=cmd"],
          ["b", null],
        ],
      ),
    ).toBe("id,description\r\na,'=cmd\r\nb,\r\n");
  });

  test("no rows: the header alone", () => {
    expect(toCsv(["id"], [])).toBe("id\r\n");
  });
});
