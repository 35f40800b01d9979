import Testing
@testable import InterviewCore
@testable import InterviewStore

/// The front matter is YAML (docs/bank-format.md): quotes, lists, YAML's errors at the
/// file's place, did-you-mean for a key; what read before YAML reads the same.
@Suite("Front matter as YAML")
struct BankFrontMatterTests {
    /// `frontMatter` between the `---` lines (from line 2), then two questions, the first with tags of its own.
    static func check(_ frontMatter: String) -> BankCheck {
        let text = "---\n\(frontMatter)\n---\n## Q1\ntags: own, b\n### Expected answer\nA.\n### Rubric\n- [ ] a\n\n"
            + "## Q2\n### Expected answer\nB.\n### Rubric\n- [ ] b\n"
        return BankParser.check(bytes: Array(text.utf8), file: "t.md")
    }

    static func bank(_ frontMatter: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bank {
        let result = check(frontMatter)
        #expect(result.errors.isEmpty, "\(result.errors)", sourceLocation: sourceLocation)
        return try #require(result.bank, sourceLocation: sourceLocation)
    }

    static func places(_ problems: [InputError]) -> [String] { problems.map { "\($0.line):\($0.column)" } }

    @Test func quotedValuesLoseTheirQuotes() throws {
        let bank = try Self.bank("title: \"Systems: the hard parts\"\nrole: 'Site reliability'\nlevel: \"senior \\u00e9\"")
        #expect(bank.title == "Systems: the hard parts")
        #expect(bank.role == "Site reliability")
        #expect(bank.level == "senior é")
        #expect(Self.check("title: \"T\"").warnings.isEmpty)
    }

    @Test func tagsAreListsInEveryForm() throws {
        for form in ["tags: [a, b]", "tags:\n  - a\n  - b", "tags: a, b", "tags: [a, ' b ', '']"] {
            let bank = try Self.bank("title: T\n" + form)
            #expect(bank.questions.map(\.tags) == [["a", "b", "own"], ["a", "b"]], "\(form)")
        }
        #expect(try Self.bank("title: T").questions.map(\.tags) == [["own", "b"], []])
    }

    @Test func aBlockValueAndALongOne() throws {
        let bank = try Self.bank("title: T\ndescription: |\n  One line.\n  Another.\nrole: a role that\n  goes on")
        #expect(bank.description == "One line.\nAnother.\n")
        #expect(bank.role == "a role that goes on")
    }

    /// What validated before YAML keeps its meaning: a `#` inside a plain value, a colon
    /// in a value (not YAML: read line by line, with a warning), a key given twice.
    @Test func whatReadBeforeReadsTheSame() throws {
        #expect(try Self.bank("title: Bank #2").title == "Bank #2")
        #expect(try Self.bank("title: C# in a day").title == "C# in a day")
        let colon = Self.check("title: T\nrating-1: a\nrating-2: Part of it: misses a point\nrating-3: c\nrating-4: d")
        #expect(colon.errors.isEmpty, "\(colon.errors)")
        #expect(colon.bank?.questions.first?.anchors[1] == "Part of it: misses a point")
        #expect(Self.places(colon.warnings) == ["4:21"], "\(colon.warnings)")
        #expect(colon.warnings.first?.message.hasPrefix("the front matter is not YAML: mapping values are not allowed") == true,
                "\(colon.warnings)")
        let twice = Self.check("title: A\ntitle: B")
        #expect(twice.bank?.title == "B" && twice.warnings.count == 1, "\(twice.warnings)")
    }

    @Test func theBuiltInBankReadsAsBefore() throws {
        let bank = try BankLoader.load("machine-learning")
        #expect([bank.title, bank.role, bank.level] == ["Machine learning engineer", "Machine learning engineer", "mid to senior"])
        #expect(bank.durationSeconds == 45 * 60)
        #expect(BankParser.check(bytes: try #require(BankLoader.builtinBytes("machine-learning")), file: "ml.md").warnings.isEmpty)
    }

    @Test func aMisspeltKeyGetsADidYouMean() {
        let result = Self.check("titel: T")
        #expect(Self.places(result.errors) == ["2:1", "1:1"], "\(result.errors)")
        #expect(result.errors.first?.message.hasPrefix("unknown front-matter key 'titel': did you mean 'title'? expected one of title,") == true,
                "\(result.errors)")
    }

    /// YAML's own errors, at the file's line and column.
    @Test func yamlErrorsAtTheirPlace() {
        let open = Self.check("title: T\ntags: [a, b\nrole: r")
        #expect(open.errors.first?.message.hasPrefix("the front matter is not YAML: ") == true,
                "\(open.errors) \(open.warnings) \(String(describing: open.bank?.questions.map(\.tags)))")
        #expect(open.errors.first.map { $0.line >= 3 } == true, "\(open.errors)")
        let words = Self.check("title: T\njust words")
        #expect(Self.places(words.errors) == ["3:1"], "\(words.errors)")
        #expect(words.errors.first?.message.contains("could not find expected ':'") == true, "\(words.errors)")
        let mapping = Self.check("title:\n  a: b")
        #expect(Self.places(mapping.errors).first == "3:3", "\(mapping.errors)")
        #expect(mapping.errors.first?.message == "expected text after 'title:'", "\(mapping.errors)")
        let list = Self.check("title: [a, b]")
        #expect(list.errors.first?.message == "expected text after 'title:', not a list", "\(list.errors)")
    }

    /// What `BankWriter` writes (an import) reads back the same, whatever its title.
    @Test func writtenValuesReadBack() throws {
        for title in ["A: B", "[draft] C", "#1 bank", "\"quoted\"", "back\\slash", "plain words", "- dash", "ends:", "x #y"] {
            var bank = try Self.bank("title: T")
            (bank.title, bank.role) = (title, "r: s")
            let read = try BankParser.parse(bytes: Array(BankWriter.markdown(bank).utf8), file: "t.md")
            #expect(read.title == title && read.role == "r: s", "\(title)")
            #expect(BankParser.check(bytes: Array(BankWriter.markdown(bank).utf8), file: "t.md").warnings.isEmpty, "\(title)")
        }
    }
}
