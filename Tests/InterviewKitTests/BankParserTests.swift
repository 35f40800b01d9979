import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

// Tests of the Markdown bank format (docs/bank-format.md): the built-in bank, a bank
// that uses every feature, every error with its exact place, durations, slugs and
// the inline styles of section text.

// MARK: - Helpers

/// Parses `text` as a bank named `file`.
private func parse(_ text: String, file: String = "test.md") throws(InputError) -> Bank {
    try BankParser.parse(bytes: Array(text.utf8), file: file)
}

/// The error that parsing `bytes` throws, or a test failure if it parses.
private func parseError(bytes: [UInt8], file: String = "test.md",
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> InputError {
    let bank: Bank
    do {
        bank = try BankParser.parse(bytes: bytes, file: file)
    } catch {
        return error
    }
    Issue.record("expected an error, but the bank parsed with \(bank.questions.count) question(s)",
                 sourceLocation: sourceLocation)
    throw ParsedWithoutError()
}

private struct ParsedWithoutError: Error {}

/// Asserts that `text` fails at `line`:`column` with a message containing `message`.
private func expectError(_ text: String, line: Int, column: Int, _ message: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectError(bytes: Array(text.utf8), line: line, column: column, message, sourceLocation: sourceLocation)
}

private func expectError(bytes: [UInt8], line: Int, column: Int, _ message: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let error = try parseError(bytes: bytes, sourceLocation: sourceLocation)
    #expect(error.file == "test.md", sourceLocation: sourceLocation)
    #expect(error.line == line, "line, for: \(error)", sourceLocation: sourceLocation)
    #expect(error.column == column, "column, for: \(error)", sourceLocation: sourceLocation)
    #expect(error.message.contains(message), "message, for: \(error)", sourceLocation: sourceLocation)
}

/// A front matter, then `body`.
private func bank(_ body: String, frontMatter: String = "title: T") -> String {
    "---\n\(frontMatter)\n---\n" + body
}

/// A minimal valid question.
private func question(_ prompt: String, answer: String = "Yes.") -> String {
    "## \(prompt)\n### Expected answer\n\(answer)\n"
}

/// A fresh folder under the system's temporary directory, removed by the caller.
private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("interview-bank-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

// MARK: - The built-in bank

@Suite("Built-in machine-learning bank")
struct BuiltinBankTests {
    @Test func isListedAndLoads() throws {
        #expect(BankLoader.builtinNames.contains("machine-learning"))
        #expect(BankLoader.defaultBankName == "machine-learning")
        let bank = try BankLoader.load("machine-learning")
        #expect(bank.title == "Machine learning engineer")
        #expect(bank.source == "builtin:machine-learning")
        #expect(bank.hash.hasPrefix("fnv1a64:"))
        #expect(bank.hash.count == "fnv1a64:".count + 16)
    }

    /// Compiled in, byte for byte as in its file: nothing is read from disk.
    @Test func isCompiledInByteForByte() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/InterviewStore/Resources/Banks")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: file.path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        #expect(BankLoader.builtinNames == onDisk)
        for name in onDisk {
            let bytes = Array(try Data(contentsOf: file.appendingPathComponent(name + ".md")))
            #expect(BankLoader.builtinBytes(name) == bytes, "\(name)")
        }
        #expect(BankLoader.builtinBytes("../Banks/machine-learning") == nil)
    }

    @Test func keepsTheArticleOrder() throws {
        let bank = try BankLoader.load("machine-learning")
        try #require(bank.questions.count == 15)
        let first = bank.questions[0].prompt.lowercased()
        #expect(first.contains("supervised") && first.contains("unsupervised"))
        #expect(bank.questions[1].prompt.lowercased().contains("overfitting"))
    }

    @Test func everyQuestionIsComplete() throws {
        let bank = try BankLoader.load("machine-learning")
        for question in bank.questions {
            #expect(!question.whyAsk.isEmpty, "why ask of \(question.id)")
            #expect(!question.expectedAnswer.isEmpty, "expected answer of \(question.id)")
            #expect(!question.howToEvaluate.isEmpty, "how to evaluate of \(question.id)")
            #expect((3...6).contains(question.rubric.count), "rubric of \(question.id): \(question.rubric.count) items")
            #expect(question.rubric.allSatisfy { !$0.isEmpty })
            #expect(question.timeSeconds > 0)
            #expect(!question.tags.isEmpty, "tags of \(question.id)")
        }
    }

    @Test func timeBudgetsFillFortyFiveMinutes() throws {
        let bank = try BankLoader.load("machine-learning")
        #expect(bank.durationSeconds == 2700)
        #expect(bank.totalBudgetSeconds == 2700)
        #expect(bank.questions.reduce(0) { $0 + $1.timeSeconds } == 2700)
    }

    @Test func idsAreUnique() throws {
        let bank = try BankLoader.load("machine-learning")
        let ids = bank.questions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { !$0.isEmpty })
    }

    @Test func loadingTwiceGivesTheSameBank() throws {
        #expect(try BankLoader.load("machine-learning") == BankLoader.load("machine-learning"))
    }
}

// MARK: - A valid bank with every feature

@Suite("Parsing a valid bank")
struct ValidBankTests {
    static let text = """
        ---
        # A comment line in the front matter is ignored.
        title: Sample bank
        duration: 10m
        time: 2m
        role: Data scientist
        level: senior

        ---
        # Sample bank

        ## What is *overfitting*?
        id: overfit
        time: 3m
        tags: ml, basics ,  

        ### Why ask
        It is **common**.

        ### Expected answer
        A model that fits `noise`.

        - Train error low
          - validation error *high*
        - Use regularization

        Second paragraph
        continues here.

        ### How to evaluate
        Look for *examples*.

        ### Rubric
        - [ ] Defines it
        - [x] Gives a sign

        ## Second question, with the default time
        ### expected ANSWER
        Yes.

        """

    @Test func parsesToTheExactStructure() throws {
        let bytes = Array(Self.text.utf8)
        let bank = try BankParser.parse(bytes: bytes, file: "sample.md")
        let expected = Bank(
            title: "Sample bank", durationSeconds: 600, role: "Data scientist", level: "senior",
            questions: [
                Question(
                    id: "overfit", prompt: "What is *overfitting*?", timeSeconds: 180, tags: ["ml", "basics"],
                    whyAsk: RichText([Block(.paragraph, [Span("It is "), Span("common", .strong), Span(".")])]),
                    expectedAnswer: RichText([
                        Block(.paragraph, [Span("A model that fits "), Span("noise", .code), Span(".")]),
                        Block(.bullet(level: 0), [Span("Train error low")]),
                        Block(.bullet(level: 1), [Span("validation error "), Span("high", .emphasis)]),
                        Block(.bullet(level: 0), [Span("Use regularization")]),
                        Block(.paragraph, [Span("Second paragraph continues here.")]),
                    ]),
                    howToEvaluate: RichText([Block(.paragraph, [Span("Look for "), Span("examples", .emphasis), Span(".")])]),
                    rubric: ["Defines it", "Gives a sign"]),
                Question(
                    id: "second-question-with-the-default-time", prompt: "Second question, with the default time",
                    timeSeconds: 120, tags: [],
                    whyAsk: RichText(), expectedAnswer: RichText([Block(.paragraph, [Span("Yes.")])]),
                    howToEvaluate: RichText(), rubric: []),
            ],
            source: "sample.md", hash: Hashing.fnv1a64(bytes))
        #expect(bank.title == expected.title)
        #expect(bank.durationSeconds == expected.durationSeconds)
        #expect(bank.role == expected.role)
        #expect(bank.level == expected.level)
        try #require(bank.questions.count == 2)
        #expect(bank.questions[0] == expected.questions[0])
        #expect(bank.questions[1] == expected.questions[1])
        #expect(bank == expected)
        #expect(bank.totalBudgetSeconds == 300)
    }

    @Test func sourceDefaultsToTheFileAndCanBeGiven() throws {
        let bytes = Array(Self.text.utf8)
        #expect(try BankParser.parse(bytes: bytes, file: "a.md").source == "a.md")
        #expect(try BankParser.parse(bytes: bytes, file: "a.md", source: "builtin:x").source == "builtin:x")
    }

    @Test func hashChangesWithTheBytes() throws {
        let one = try parse(bank(question("Q")))
        let two = try parse(bank(question("Q", answer: "No.")))
        #expect(one.hash != two.hash)
        #expect(one.hash == Hashing.fnv1a64(Array(bank(question("Q")).utf8)))
        // FNV-1a 64 of no bytes is its offset basis.
        #expect(Hashing.fnv1a64([UInt8]()) == "fnv1a64:cbf29ce484222325")
    }

    @Test func optionalFrontMatterKeysAndSections() throws {
        let parsed = try parse(bank(question("Only")))
        #expect(parsed.title == "T")
        #expect(parsed.role == nil)
        #expect(parsed.level == nil)
        let q = try #require(parsed.questions.first)
        #expect(q.whyAsk.isEmpty && q.howToEvaluate.isEmpty && q.rubric.isEmpty && q.tags.isEmpty)
    }

    @Test func sectionNamesAreCaseInsensitive() throws {
        let parsed = try parse(bank("## Q\n### WHY ASK\nw\n### expected answer\ne\n### How To Evaluate\nh\n### rubric\n- [ ] r\n"))
        let q = try #require(parsed.questions.first)
        #expect(q.whyAsk.plainText == "w")
        #expect(q.expectedAnswer.plainText == "e")
        #expect(q.howToEvaluate.plainText == "h")
        #expect(q.rubric == ["r"])
    }

    @Test func sectionsMayComeInAnyOrder() throws {
        let parsed = try parse(bank("## Q\n### Rubric\n- [ ] r\n### Expected answer\ne\n### Why ask\nw\n"))
        let q = try #require(parsed.questions.first)
        #expect(q.rubric == ["r"])
        #expect(q.expectedAnswer.plainText == "e")
        #expect(q.whyAsk.plainText == "w")
    }

    @Test func nineRubricItemsAreAllowed() throws {
        let items = (1...9).map { "- [ ] item \($0)" }.joined(separator: "\n")
        let parsed = try parse(bank("## Q\n### Expected answer\nA.\n### Rubric\n\(items)\n"))
        #expect(parsed.questions.first?.rubric == (1...9).map { "item \($0)" })
    }

    @Test func rubricItemsMayBeCheckedOrIndentedAndKeepTheirStyleMarkers() throws {
        let parsed = try parse(bank("## Q\n### Expected answer\nA.\n### Rubric\n- [X] Upper\n  - [ ]   spaced  \n- [ ] *styled*\n"))
        #expect(parsed.questions.first?.rubric == ["Upper", "spaced", "*styled*"])
    }

    @Test func indentedHashLineIsText() throws {
        let parsed = try parse(bank("## Q\n### Expected answer\n #include <stdio.h>\n"))
        #expect(parsed.questions.first?.expectedAnswer.plainText == "#include <stdio.h>")
    }

    @Test func lastMetadataLineWins() throws {
        let parsed = try parse(bank("## Q\n  time: 1m\ntime: 2m\n### Expected answer\nA.\n",
                                    frontMatter: "title: First\ntitle: Second"))
        #expect(parsed.title == "Second")
        #expect(parsed.questions.first?.timeSeconds == 120)
    }

    @Test func documentTitleBeforeTheFirstQuestionIsIgnored() throws {
        let parsed = try parse(bank("# My bank\n\n" + question("Q")))
        #expect(parsed.questions.count == 1)
    }

    @Test func explicitIdsTellIdenticalPromptsApart() throws {
        let parsed = try parse(bank("## Same\nid: one\n### Expected answer\nA.\n## Same\nid: two\n### Expected answer\nB.\n"))
        #expect(parsed.questions.map(\.id) == ["one", "two"])
    }

    @Test func tagsAreTrimmedAndEmptyOnesDropped() throws {
        let parsed = try parse(bank("## Q\ntags:  a , b b,, c ,\n### Expected answer\nA.\n"))
        #expect(parsed.questions.first?.tags == ["a", "b b", "c"])
    }

    @Test func fileWithoutFinalNewlineParses() throws {
        let parsed = try parse(bank("## Q\n### Expected answer\nA."))
        #expect(parsed.questions.first?.expectedAnswer.plainText == "A.")
    }

    @Test func loadsFromAPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bank.md").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try BankLoader.load(path)
        #expect(loaded.source == path)
        #expect(loaded.questions.count == 2)
        #expect(loaded == (try BankParser.parse(bytes: Array(Self.text.utf8), file: path)))
    }
}

// MARK: - Default time per question

@Suite("Time budgets")
struct TimeBudgetTests {
    @Test func frontMatterTimeIsTheDefault() throws {
        let parsed = try parse(bank(question("A") + "## B\ntime: 5m\n### Expected answer\nB.\n",
                                    frontMatter: "title: T\nduration: 30m\ntime: 90s"))
        #expect(parsed.questions.map(\.timeSeconds) == [90, 300])
        #expect(parsed.durationSeconds == 1800)
    }

    @Test func durationIsSharedEvenlyWithoutATime() throws {
        let parsed = try parse(bank(question("A") + question("B") + question("C"), frontMatter: "title: T\nduration: 30m"))
        #expect(parsed.questions.map(\.timeSeconds) == [600, 600, 600])
    }

    @Test func sharedTimeIsAtLeastOneMinute() throws {
        let parsed = try parse(bank(question("A") + question("B") + question("C"), frontMatter: "title: T\nduration: 90s"))
        #expect(parsed.questions.map(\.timeSeconds) == [60, 60, 60])
        #expect(parsed.durationSeconds == 90)
    }

    @Test func fiveMinutesWithoutDurationOrTime() throws {
        let parsed = try parse(bank(question("A") + "## B\ntime: 2m30s\n### Expected answer\nB.\n"))
        #expect(parsed.questions.map(\.timeSeconds) == [300, 150])
        // Without a duration, the interview lasts as long as its questions.
        #expect(parsed.durationSeconds == 450)
    }

    @Test(arguments: [("45m", 2700), ("1h30m", 5400), ("90s", 90), ("1h", 3600), ("2m30s", 150)])
    func validDurationsInTheFrontMatter(text: String, seconds: Int) throws {
        let parsed = try parse(bank(question("Q"), frontMatter: "title: T\nduration: \(text)"))
        #expect(parsed.durationSeconds == seconds)
    }
}

@Suite("Durations")
struct DurationsTests {
    @Test(arguments: [("45m", 2700), ("1h30m", 5400), ("90s", 90), ("1h", 3600), ("2m30s", 150),
                      ("1h0m5s", 3605), ("0h1m", 60), ("120m", 7200), ("007s", 7)])
    func parsesValid(text: String, seconds: Int) {
        #expect(Durations.parse(text) == seconds)
    }

    @Test(arguments: ["45 minutes", "1m1h", "", "m", "45", "0m", "0s", "1h1h", "-5m", "1.5h", "45M",
                      " 45m", "45m ", "1h 30m", "h30m", "30mh", "\u{FF14}\u{FF15}m"])
    func rejectsInvalid(text: String) {
        #expect(Durations.parse(text) == nil)
    }

    @Test func formatsTheShortForm() {
        #expect(Durations.format(2700) == "45m")
        #expect(Durations.format(5400) == "1h30m")
        #expect(Durations.format(90) == "1m30s")
        #expect(Durations.format(3600) == "1h")
        #expect(Durations.format(3605) == "1h5s")
        #expect(Durations.format(0) == "0s")
        for seconds in [1, 59, 60, 61, 3599, 3600, 3661, 86_400] {
            #expect(Durations.parse(Durations.format(seconds)) == seconds)
        }
    }

    @Test func formatsAClock() {
        #expect(Durations.clock(0) == "00:00")
        #expect(Durations.clock(75) == "01:15")
        #expect(Durations.clock(-5) == "00:00")
        #expect(Durations.clock(3599) == "59:59")
        #expect(Durations.clock(3725) == "1:02:05")
    }
}

// MARK: - Errors

@Suite("Bank errors: file, line, column and message")
struct BankErrorTests {
    @Test func descriptionNamesThePlace() {
        let error = InputError(file: "bank.md", line: 3, column: 7, message: "bad time")
        #expect(error.description == "bank.md:3:7: bad time")
        #expect("\(error)" == "bank.md:3:7: bad time")
    }

    @Test func errorCarriesTheFileName() throws {
        let error = try parseError(bytes: Array("nope".utf8), file: "dir/my bank.md")
        #expect(error.file == "dir/my bank.md")
        #expect(error.description.hasPrefix("dir/my bank.md:1:1: "))
    }

    // Front matter

    @Test func unterminatedFrontMatter() throws {
        try expectError("---\ntitle: T\n", line: 1, column: 1, "unterminated front matter")
        try expectError("---\ntitle: T\nduration: 45m", line: 1, column: 1, "unterminated front matter")
    }

    @Test func missingFrontMatter() throws {
        try expectError("title: T\n## Q\n", line: 1, column: 1, "expected front matter")
        try expectError("## Q\n### Expected answer\nA.\n", line: 1, column: 1, "expected front matter")
        try expectError("", line: 1, column: 1, "expected front matter")
        try expectError("\n---\ntitle: T\n---\n", line: 1, column: 1, "expected front matter")
    }

    @Test func unknownFrontMatterKey() throws {
        try expectError(bank(question("Q"), frontMatter: "title: T\nauthor: me"), line: 3, column: 1,
                        "unknown front-matter key 'author'")
        // Keys are case-sensitive.
        try expectError(bank(question("Q"), frontMatter: "Title: T"), line: 2, column: 1,
                        "unknown front-matter key 'Title'")
    }

    @Test func frontMatterLineWithoutAColon() throws {
        try expectError(bank(question("Q"), frontMatter: "title: T\njust words"), line: 3, column: 1,
                        "the front matter is not YAML: could not find expected ':'")
    }

    @Test func frontMatterWithoutTitle() throws {
        try expectError(bank(question("Q"), frontMatter: "duration: 45m"), line: 1, column: 1, "no title")
        try expectError(bank(question("Q"), frontMatter: "title:   "), line: 1, column: 1, "no title")
    }

    @Test func badDuration() throws {
        // The column is the first character of the value.
        try expectError(bank(question("Q"), frontMatter: "title: T\nduration: 45 minutes"), line: 3, column: 11,
                        "bad duration '45 minutes'")
        try expectError(bank(question("Q"), frontMatter: "title: T\nduration: 1m1h"), line: 3, column: 11,
                        "bad duration '1m1h'")
        try expectError(bank(question("Q"), frontMatter: "title: T\nduration:   1m1h"), line: 3, column: 13,
                        "bad duration '1m1h'")
        try expectError(bank(question("Q"), frontMatter: "title: T\nduration:"), line: 3, column: 10,
                        "bad duration ''")
        try expectError(bank(question("Q"), frontMatter: "title: T\ntime: 3x"), line: 3, column: 7,
                        "bad time '3x'")
    }

    // Questions and sections

    @Test func noQuestions() throws {
        try expectError(bank("\n# Just a title\n"), line: 5, column: 1, "the bank has no questions")
        try expectError("---\ntitle: T\n---", line: 3, column: 1, "the bank has no questions")
    }

    @Test func questionWithoutExpectedAnswer() throws {
        let text = bank(question("First") + "## Second\n### Why ask\nBecause.\n")
        try expectError(text, line: 7, column: 1, "question 'Second' has no expected answer")
    }

    @Test func questionWithAnEmptyExpectedAnswer() throws {
        let text = bank("## Empty\n### Expected answer\n\n   \n### Rubric\n- [ ] r\n")
        try expectError(text, line: 4, column: 1, "question 'Empty' has no expected answer")
    }

    @Test func emptyPrompt() throws {
        try expectError(bank("##\n### Expected answer\nA.\n"), line: 4, column: 1, "expected the question's prompt")
        try expectError(bank("##    \n### Expected answer\nA.\n"), line: 4, column: 1, "expected the question's prompt")
    }

    @Test func rubricItemBeforeTheFirstQuestion() throws {
        try expectError(bank("- [ ] stray\n" + question("Q")), line: 4, column: 1, "rubric item outside a question")
        try expectError(bank("  - [x] stray\n" + question("Q")), line: 4, column: 3, "rubric item outside a question")
    }

    @Test func rubricItemInANonRubricSection() throws {
        try expectError(bank("## Q\n### Expected answer\nA.\n- [ ] item\n"), line: 7, column: 1,
                        "rubric item outside a '### Rubric' section")
        try expectError(bank("## Q\n### Why ask\n  - [ ] item\n### Expected answer\nA.\n"), line: 6, column: 3,
                        "rubric item outside a '### Rubric' section")
        // Right under the question heading, before any section.
        try expectError(bank("## Q\n- [ ] item\n### Expected answer\nA.\n"), line: 5, column: 1,
                        "rubric item outside a '### Rubric' section")
    }

    @Test func nonItemLineInTheRubric() throws {
        try expectError(bank("## Q\n### Expected answer\nA.\n### Rubric\n- [ ] ok\n- not a task\n"), line: 9, column: 1,
                        "expected a rubric item '- [ ] ...'")
    }

    @Test func emptyRubricItem() throws {
        try expectError(bank("## Q\n### Expected answer\nA.\n### Rubric\n- [ ]   \n"), line: 8, column: 6,
                        "expected the rubric item's text")
    }

    @Test func tenthRubricItem() throws {
        let items = (1...10).map { "- [ ] item \($0)" }.joined(separator: "\n")
        // Lines 4-7 are the question, its section and the rubric heading; items start on line 8.
        try expectError(bank("## Q\n### Expected answer\nA.\n### Rubric\n\(items)\n"), line: 17, column: 1,
                        "a tenth rubric item: expected at most 9")
    }

    @Test func duplicatePrompts() throws {
        let text = bank(question("What is X?") + question("What is X?"))
        try expectError(text, line: 7, column: 1, "duplicate question id 'what-is-x' (also line 4)")
    }

    @Test func promptsThatOnlyDifferInCaseAndPunctuationClash() throws {
        let text = bank(question("What is X?") + question("what is x"))
        try expectError(text, line: 7, column: 1, "duplicate question id 'what-is-x' (also line 4)")
    }

    @Test func duplicateExplicitIds() throws {
        let text = bank("## One\nid: same\n### Expected answer\nA.\n## Two\nid: same\n### Expected answer\nB.\n")
        try expectError(text, line: 8, column: 1, "duplicate question id 'same' (also line 4)")
    }

    @Test func explicitIdClashingWithAPromptSlug() throws {
        let text = bank(question("Hello world") + "## Other\nid: hello-world\n### Expected answer\nB.\n")
        try expectError(text, line: 7, column: 1, "duplicate question id 'hello-world'")
    }

    @Test func emptyId() throws {
        try expectError(bank("## Q\nid:\n### Expected answer\nA.\n"), line: 5, column: 4, "expected an id after 'id:'")
    }

    @Test func badQuestionTime() throws {
        try expectError(bank("## Q\ntime:3x\n### Expected answer\nA.\n"), line: 5, column: 6, "bad time '3x'")
        try expectError(bank("## Q\ntime:1m1h\n### Expected answer\nA.\n"), line: 5, column: 6, "bad time '1m1h'")
    }

    @Test func unknownLineUnderTheQuestion() throws {
        try expectError(bank("## Q\nTime: 3m\n### Expected answer\nA.\n"), line: 5, column: 1,
                        "expected 'time:', 'tags:', 'competencies:' or 'id:' under the question")
        try expectError(bank("## Q\nSome words.\n### Expected answer\nA.\n"), line: 5, column: 1,
                        "expected 'time:', 'tags:', 'competencies:' or 'id:'")
    }

    @Test func invalidUTF8() throws {
        let head = Array("---\ntitle: T\n".utf8)
        try expectError(bytes: head + [0x66, 0xFF] + Array("\n## Q\n".utf8), line: 3, column: 2, "invalid UTF-8")
        // Columns count characters, not bytes: "é" is two bytes but one column.
        try expectError(bytes: head + [0xC3, 0xA9, 0xFF], line: 3, column: 2, "invalid UTF-8")
        // A sequence cut short at the end of the file.
        try expectError(bytes: head + [0x61, 0x62, 0xE2, 0x82], line: 3, column: 3, "invalid UTF-8")
        // On the first line.
        try expectError(bytes: [0xC0, 0x80], line: 1, column: 1, "invalid UTF-8")
    }

    @Test func unknownSection() throws {
        try expectError(bank("## Q\n### Expected answer\nA.\n### Notes\nx\n"), line: 7, column: 5,
                        "unknown section 'Notes'")
    }

    @Test func duplicateSection() throws {
        try expectError(bank("## Q\n### Expected answer\nA.\n### expected answer\nB.\n"), line: 7, column: 5,
                        "second 'Expected answer' section")
    }

    @Test func sectionBeforeTheFirstQuestion() throws {
        try expectError(bank("### Why ask\nx\n" + question("Q")), line: 4, column: 1,
                        "section 'Why ask' outside a question")
    }

    @Test func textBeforeTheFirstQuestion() throws {
        try expectError(bank("\nHello there.\n" + question("Q")), line: 5, column: 1,
                        "text before the first question")
    }

    @Test func unexpectedHeadingLevels() throws {
        try expectError(bank(question("Q") + "#### Deeper\n"), line: 7, column: 1, "unexpected heading level 4")
        // A level-1 heading is only allowed before the first question.
        try expectError(bank(question("Q") + "# Late title\n"), line: 7, column: 1, "unexpected heading level 1")
        // A heading marker without its space is not a heading.
        try expectError(bank("##Q\n"), line: 4, column: 1, "unexpected heading level 2")
    }

    @Test func firstErrorInTheFileWins() throws {
        let text = bank("## Q\n### Expected answer\nA.\n### Notes\n### Bogus\n")
        try expectError(text, line: 7, column: 5, "unknown section 'Notes'")
    }
}

// MARK: - Control characters

@Suite("Control characters stay data")
struct ControlCharacterTests {
    @Test func escapeSequencesAreKeptInPromptAnswerAndRubric() throws {
        let esc = "\u{1B}[31m"
        let text = bank("## Say \(esc)red\u{1B}[0m\n### Expected answer\nAn \(esc)answer\u{07} with a bell.\n"
                        + "### Rubric\n- [ ] \u{1B}]0;title\u{07}item\n")
        let q = try #require(try parse(text).questions.first)
        #expect(q.prompt == "Say \(esc)red\u{1B}[0m")
        #expect(q.expectedAnswer.plainText == "An \(esc)answer\u{07} with a bell.")
        #expect(q.rubric == ["\u{1B}]0;title\u{07}item"])
    }

    @Test func otherControlsAndBidiOverridesAreKept() throws {
        let text = bank("## Q\n### Expected answer\na\u{0}b\u{7F}c\u{9B}d\u{202E}e\tf\n")
        let q = try #require(try parse(text).questions.first)
        #expect(q.expectedAnswer.plainText == "a\u{0}b\u{7F}c\u{9B}d\u{202E}e\tf")
    }

    @Test func escapesInStyledTextAreKept() {
        let spans = InlineMarkdown.parse("*\u{1B}[2J* `\u{1B}c`")
        #expect(spans == [Span("\u{1B}[2J", .emphasis), Span(" "), Span("\u{1B}c", .code)])
    }
}

// MARK: - Styled text

@Suite("Styled text")
struct StyledTextTests {
    @Test func inlineStyles() {
        #expect(InlineMarkdown.parse("a *b* **c** `d` e\\*f") == [
            Span("a "), Span("b", .emphasis), Span(" "), Span("c", .strong), Span(" "), Span("d", .code), Span(" e*f"),
        ])
    }

    @Test func underscoreEmphasisAndCombinedStyles() {
        #expect(InlineMarkdown.parse("_x_ ***y***") == [Span("x", .emphasis), Span(" "), Span("y", [.strong, .emphasis])])
        #expect(InlineMarkdown.parse("**a *b* c**") == [
            Span("a ", .strong), Span("b", [.strong, .emphasis]), Span(" c", .strong),
        ])
    }

    @Test func unclosedMarkersStayLiteral() {
        #expect(InlineMarkdown.parse("2 * 3 = 6") == [Span("2 * 3 = 6")])
        #expect(InlineMarkdown.parse("*open") == [Span("*open")])
        #expect(InlineMarkdown.parse("**open") == [Span("**open")])
        #expect(InlineMarkdown.parse("a `b") == [Span("a `b")])
        #expect(InlineMarkdown.parse("x * y *") == [Span("x * y *")])
    }

    @Test func snakeCaseIsNotEmphasis() {
        #expect(InlineMarkdown.parse("use snake_case_words here") == [Span("use snake_case_words here")])
        #expect(InlineMarkdown.parse("_a_b_") == [Span("a_b", .emphasis)])
    }

    @Test func escapes() {
        #expect(InlineMarkdown.parse("\\*not\\* \\_em\\_ \\`code\\` \\\\") == [Span("*not* _em_ `code` \\")])
        // Other backslashes are literal.
        #expect(InlineMarkdown.parse("C:\\dir \\n") == [Span("C:\\dir \\n")])
        // Nothing is escaped inside code.
        #expect(InlineMarkdown.parse("`a*b*_c_\\d`") == [Span("a*b*_c_\\d", .code)])
        #expect(InlineMarkdown.parse("*a\\*b*") == [Span("a*b", .emphasis)])
    }

    @Test func emptyText() {
        #expect(InlineMarkdown.parse("") == [])
        #expect(RichText.parse("").blocks == [])
        #expect(RichText.parse("\n  \n").isEmpty)
    }

    @Test func writerEscapesMarkup() {
        #expect(InlineMarkdown.write([Span("a*b_c`d\\e")]) == "a\\*b\\_c\\`d\\\\e")
        #expect(InlineMarkdown.write([Span("x", .code), Span("y", [.strong, .emphasis])]) == "`x`***y***")
    }

    /// A run of asterisks is read two at a time first, so where styles change back to back
    /// the writer puts `**` before `*`, whichever opens or closes (found by fuzzing:
    /// `*a***b**` read back as strong `a*` and plain `b**`).
    @Test(arguments: [
        [Span("a", .emphasis), Span("b", .strong)],
        [Span("a", .strong), Span("b", .emphasis)],
        [Span("a", [.strong, .emphasis]), Span("b", .emphasis), Span("c", .strong)],
        [Span("a", .emphasis), Span("b", [.strong, .emphasis]), Span("c")],
        [Span("a", [.code, .strong]), Span("b", .code), Span("c", .emphasis)],
    ])
    func writerOutputReadsBackAcrossStyleChanges(spans: [Span]) {
        #expect(InlineMarkdown.parse(InlineMarkdown.write(spans)) == spans, "\(InlineMarkdown.write(spans))")
    }

    @Test func blocks() {
        let text = RichText.parse("Intro line\nwraps.\n\n- one\n  - nested\n    - deeper is still level 1\n* star\nmore of star\n\nEnd.")
        #expect(text.blocks == [
            Block(.paragraph, [Span("Intro line wraps.")]),
            Block(.bullet(level: 0), [Span("one")]),
            Block(.bullet(level: 1), [Span("nested")]),
            Block(.bullet(level: 1), [Span("deeper is still level 1")]),
            Block(.bullet(level: 0), [Span("star more of star")]),
            Block(.paragraph, [Span("End.")]),
        ])
        #expect(text.plainText == "Intro line wraps.\none\nnested\ndeeper is still level 1\nstar more of star\nEnd.")
    }

    @Test func aLineAfterABulletContinuesIt() {
        #expect(RichText.parse("- a\nb\n\nc").blocks == [
            Block(.bullet(level: 0), [Span("a b")]), Block(.paragraph, [Span("c")]),
        ])
    }

    @Test func stylesSpanTheLinesOfAParagraph() {
        #expect(RichText.parse("an *emphasised\nphrase* here").blocks == [
            Block(.paragraph, [Span("an "), Span("emphasised phrase", .emphasis), Span(" here")]),
        ])
    }

    static let roundTrips = [
        "plain text",
        "a *b* **c** `d` e\\*f",
        "- one\n  - nested *em*\n- two\n\npara **strong**\nwrapped line",
        "First\n\nSecond",
        "para\n- bullet right after",
        "snake_case and _under_ emphasis",
        "***both*** and **a *b* c**",
        "`code with * and _ inside`",
        "back\\\\slash and C:\\dir",
        "2 * 3 and *unclosed and `open",
        "\u{1B}[31mred\u{1B}[0m and a\tb",
        "  - starts nested\n- then top",
        "- - bullet of a dash",
        "Ünïcödé *ünïcödé* 日本語 **😀**",
    ]

    @Test(arguments: roundTrips)
    func markdownRoundTrips(input: String) {
        let parsed = RichText.parse(input)
        let again = RichText.parse(parsed.markdown)
        #expect(again == parsed, "markdown written: \(parsed.markdown.debugDescription)")
        // Writing is stable from the first round on.
        #expect(again.markdown == parsed.markdown)
    }

    @Test func builtinBankRoundTrips() throws {
        let bank = try BankLoader.load("machine-learning")
        for q in bank.questions {
            for text in [q.whyAsk, q.expectedAnswer, q.howToEvaluate] {
                #expect(RichText.parse(text.markdown) == text, "in \(q.id)")
            }
        }
    }
}

// MARK: - Slugs

@Suite("Slugs")
struct SlugTests {
    @Test(arguments: [
        ("Hello, World!", "hello-world"),
        ("What is overfitting, and how can you prevent it?", "what-is-overfitting-and-how-can-you-prevent-it"),
        ("C++ vs. C#", "c-vs-c"),
        ("Top 10 ML tips", "top-10-ml-tips"),
        ("snake_case name", "snake-case-name"),
        ("Café déjà vu", "café-déjà-vu"),
        ("日本語の質問", "日本語の質問"),
        ("1/2", "1-2"),
        ("🚀 launch!", "launch"),
        ("  leading and trailing  ", "leading-and-trailing"),
        ("", "question"),
        ("?!  --", "question"),
        ("\u{1B}[31mred", "31mred"),
    ])
    func examples(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func longPromptsAreCut() {
        #expect(Slug.make("What is the difference between supervised and unsupervised learning?")
                == "what-is-the-difference-between-supervised-and-unsupervised-l")
        #expect(Slug.make("abcdef", limit: 3) == "abc")
        #expect(Slug.make(String(repeating: "word ", count: 50)).count <= 61)
    }
}

// MARK: - Loading

@Suite("Bank loader")
struct BankLoaderTests {
    @Test func missingFile() throws {
        do {
            _ = try BankLoader.load("/nonexistent/bank.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/nonexistent/bank.md")
            #expect(error.line == 0 && error.column == 0, "a whole-file problem: no place made up")
            #expect(error.description.hasPrefix("/nonexistent/bank.md: no such file"))
            #expect(error.message.contains("no such file"))
            #expect(error.message.contains("machine-learning"))
        }
    }

    @Test func folderIsNotABank() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try BankLoader.load(folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("is a folder"))
        }
    }

    @Test func pathErrorsNameThePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.md").path
        try Data(bank("## Q\n### Nope\n").utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try BankLoader.load(path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):5:5: unknown section 'Nope': expected one of Why ask, Expected answer, How to evaluate, Rubric, Follow-ups, Ratings")
        }
    }
}

// MARK: - Edge cases found while testing

@Suite struct ParserEdgeCaseTests {
    @Test func trailingSpacesDoNotShiftTheColumnOfARubricItemError() throws {
        let error = try parseError(bytes: Array(bank("## Q\n### Expected answer\n- [ ] item   \n").utf8))
        #expect(error.line == 6)
        #expect(error.column == 1)
    }

    @Test func badQuestionTimeColumnPointsAtTheValue() throws {
        let error = try parseError(bytes: Array(bank("## Q\ntime: 3x\n### Expected answer\nA.\n").utf8))
        #expect(error.column == 7)
    }

    @Test func windowsLineEndingsParseLikeUnixOnes() throws {
        let unix = try parse(ValidBankTests.text)
        let windows = try parse(ValidBankTests.text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows.questions == unix.questions)
        #expect(windows.title == unix.title)
        #expect(windows.durationSeconds == unix.durationSeconds)
    }

    @Test(arguments: ["*a **b** c*", "x `a\\` y`", "-\nfoo"])
    func markdownWriterRoundTrip(input: String) {
        let parsed = RichText.parse(input)
        #expect(RichText.parse(parsed.markdown) == parsed)
    }
}
