import Testing
@testable import InterviewCore

/// What the front matter got from Yams and now gets from `YAMLReader` over libyaml's
/// events: aliases, YAML's forms of text and lists, one document, a key given twice, and
/// libyaml's errors at the file's line and column (docs/bank-format.md).
@Suite("Front matter read with libyaml")
struct BankFrontMatterYAMLTests {
    static func check(_ frontMatter: String) -> BankCheck { BankFrontMatterTests.check(frontMatter) }
    static func bank(_ frontMatter: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bank {
        try BankFrontMatterTests.bank(frontMatter, sourceLocation: sourceLocation)
    }
    static func places(_ problems: [InputError]) -> [String] { problems.map { "\($0.line):\($0.column) \($0.message)" } }

    @Test func anAliasIsTheValueItsAnchorNamed() throws {
        let bank = try Self.bank("title: &t T\nrole: *t\nlevel: &t L\ndescription: *t")
        #expect([bank.role, bank.description] == ["T", "L"])  // a later anchor hides the earlier one
        // An alias of a list is that list, at the anchor's place.
        let list = Self.check("title: T\ntags: &l [a]\ndescription: *l")
        #expect(Self.places(list.errors) == ["3:7 expected text after 'description:', not a list"])
        // An unknown alias is not YAML; the line-by-line form reads it as text.
        let unknown = Self.check("title: T\nrole: *x")
        #expect(unknown.bank?.role == "*x")
        #expect(Self.places(unknown.warnings).first?.hasPrefix("3:7 the front matter is not YAML: found undefined alias (read line by line") == true,
                "\(unknown.warnings)")
    }

    @Test func plainWordsAndNumbersStayAsWritten() throws {
        for value in ["yes", "on", "No", "1.5", "-1", "~", "null", "2026-12-05", "0x1F"] {
            #expect(try Self.bank("title: \(value)").title == value)
        }
        #expect(try Self.bank("title: !!str 5").title == "5")
    }

    @Test func quotedTextWithEscapesAndFolds() throws {
        #expect(try Self.bank("title: \"a\\tb\\n\\\\ \\\"q\\\" \\x41\"").title == "a\tb\n\\ \"q\" A")
        #expect(try Self.bank("title: 'it''s \\n'").title == "it's \\n")
        #expect(try Self.bank("title: \"multi\n  line\"\ndescription: \"a\n\n  b\"").description == "a\nb")
        #expect(try Self.bank("title: \"nul \\0 here\"").title == "nul \u{0} here")
        // A bad escape is not YAML: the line-by-line form keeps the quotes, with a warning.
        let bad = Self.check("title: \"\\q\"")
        #expect(bad.bank?.title == "\"\\q\"")
        #expect(Self.places(bad.warnings).first?.hasPrefix("2:8 the front matter is not YAML: found unknown escape character while parsing a quoted scalar") == true,
                "\(bad.warnings)")
    }

    @Test func flowAndBlockForms() throws {
        let flow = try Self.bank("{title: T, role: r}")
        #expect([flow.title, flow.role] == ["T", "r"])
        #expect(try Self.bank("? title\n: T").title == "T")
        #expect(try Self.bank("title: T\ntags:\n- a\n- b").questions.first?.tags == ["a", "b", "own"])
        #expect(try Self.bank("title: T\ndescription: >\n  folded\n  text").description == "folded text")
        #expect(try Self.bank("title: T\ndescription: |-\n  kept\n  lines").description == "kept\nlines")
        #expect(Self.places(Self.check("title: T\ntags: [a, [b]]").errors) == ["3:7 expected text after 'tags:' or a list"])
        #expect(Self.places(Self.check("title: T\n[a]: b").errors) == ["3:1 expected a key (a word such as title) in the front matter"])
    }

    /// libyaml's line and column count from 0 and the front matter's text starts on line 2.
    @Test func tabsAndIndentationAtTheirPlace() {
        let tab = Self.check("title: T\n\trole: r")
        #expect(Self.places(tab.warnings).first?.hasPrefix("2:8 the front matter is not YAML: found a tab character that violates indentation") == true,
                "\(tab.warnings)")
        #expect(tab.bank?.role == "r")
        let indented = Self.check("title: T\n  role: r")
        #expect(Self.places(indented.warnings).first?.hasPrefix("3:7 the front matter is not YAML: mapping values are not allowed in this context") == true,
                "\(indented.warnings)")
        let block = Self.check("title: T\ndescription: |\n   x\n  y")
        #expect(Self.places(block.errors) == ["2:1 the front matter is not YAML: did not find expected key while parsing a block mapping"])
        let dash = Self.check("title: T\ntags: - a")
        #expect(Self.places(dash.errors) == ["3:7 the front matter is not YAML: block sequence entries are not allowed in this context"])
    }

    @Test func aKeyGivenTwiceIsNotYAML() {
        // At the first place of the first key in alphabetical order; quotes do not make a key another.
        #expect(Self.places(Self.check("title: T\nb: 1\na: 1\nb: 2\na: 2").errors) == ["4:1 the front matter is not YAML: a key given twice (a, b)"])
        #expect(Self.places(Self.check("title: A\n'title': B").errors) == ["2:1 the front matter is not YAML: a key given twice (title)"])
        #expect(Self.places(Self.check("title: T\nrole:\n  a: 1\n  a: 2").errors) == ["4:3 the front matter is not YAML: a key given twice (a)"])
    }

    @Test func oneDocumentOnly() {
        let second = Self.check("title: T\n--- x")
        #expect(Self.places(second.errors) == ["3:1 the front matter is not YAML: found a second document (after a line '...' or '---'): expected one"])
        #expect(Self.places(Self.check("title: T\n...\nrole: r").errors) == ["4:1 the front matter is not YAML: did not find expected <document start>"])
    }

    @Test func aByteOrderMarkAndControlCharacters() throws {
        let marked = Self.check("\u{FEFF}title: T")
        #expect(marked.bank?.title == "T" && marked.warnings.isEmpty, "\(marked.warnings)")
        // libyaml refuses a control character; the line-by-line form reads it (validate reports it).
        let bell = Self.check("role: r\ntitle: A\u{7}B")
        #expect(bell.bank?.title == "A\u{7}B")
        #expect(Self.places(bell.warnings).first?.hasPrefix("3:9 the front matter is not YAML: control characters are not allowed (read line by line") == true,
                "\(bell.warnings)")
    }

    /// Deep nesting is an error at the list that goes too deep, not a crash.
    @Test func deepNestingIsAnError() {
        let nested = { (depth: Int) in "title: T\ntags: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(Self.places(Self.check(nested(99)).errors) == ["3:7 expected text after 'tags:' or a list"])
        #expect(Self.places(Self.check(nested(100_000)).errors) == ["3:106 the front matter is not YAML: lists or mappings nested deeper than 100 levels"])
    }

    /// Each alias in a list one level deeper than the last: as deep as lists written out,
    /// and refused the same way (a hundred thousand levels crashed when the tree was freed).
    @Test func deepNestingThroughAliasesIsAnError() {
        let chained = { (count: Int) in
            "title: T\na0: &a0 [x]\n" + (1..<count).map { "a\($0): &a\($0) [*a\($0 - 1)]\n" }.joined()
        }
        #expect(Self.places(Self.check(chained(98)).errors).allSatisfy { !$0.contains("nested deeper") })
        let refused = Self.places(Self.check(chained(50_000)).errors)
        #expect(refused.first == "102:12 the front matter is not YAML: lists or mappings nested deeper than 100 levels (through aliases)",
                "\(refused)")
    }
}
