import Foundation
import InterviewSamples
import Testing
@testable import InterviewCore
@testable import InterviewStore

// `BankParser.check`: every error of a file at once, and the warnings an author wants
// (docs/bank-format.md, "Checking a bank"). The same parser as `parse`, which throws
// the first of those errors.

private func check(_ text: String) -> BankCheck {
    BankParser.check(bytes: Array(text.utf8), file: "test.md")
}

private func places(_ errors: [InputError]) -> [String] {
    errors.map { "\($0.line):\($0.column)" }
}

@Suite("Checking a bank: every error, and warnings")
struct BankCheckTests {
    @Test func everyErrorOfOneFileAtOnce() {
        let result = check("""
            ---
            title: T
            duration: soon
            ---
            ## First?
            time: later
            ### Expected answer
            Yes.
            ### Notes
            Not a section.
            ## Second?
            ### Rubric
            - [ ] an item
            """)
        #expect(result.bank == nil)
        #expect(places(result.errors) == ["3:11", "6:7", "9:5", "11:1"], "\(result.errors)")
        #expect(result.errors.map(\.message).map { $0.prefix(18) } == [
            "bad duration 'soon", "bad time 'later': ", "unknown section 'N", "question 'Second?'",
        ])
    }

    /// `parse` throws the first error `check` finds, reading down the file.
    @Test func parseThrowsTheFirstError() {
        let text = "---\ntitle: T\n---\n## Q\n### Why ask\n- [ ] misplaced\n### Expected answer\nA\n### Extra\n"
        let result = check(text)
        #expect(places(result.errors) == ["6:1", "9:5"])
        #expect(throws: result.errors[0]) { try BankParser.parse(bytes: Array(text.utf8), file: "test.md") }
    }

    @Test func linesUnderABadHeadingSayNothingMore() {
        let result = check("---\ntitle: T\n---\n## Q\n### Expected answer\nA\n### Notes\n- [ ] not a rubric\nplain text\n### Rubric\noops\n")
        #expect(places(result.errors) == ["7:5", "11:1"], "\(result.errors)")
    }

    @Test func textBeforeTheFirstQuestionIsOneError() {
        let result = check("---\ntitle: T\n---\nsome text\nmore text\n\n## Q\n### Expected answer\nA\n")
        #expect(places(result.errors) == ["4:1"])
    }

    @Test func aTenthRubricItemIsOneError() {
        let items = (1...12).map { "- [ ] item \($0)" }.joined(separator: "\n")
        let result = check("---\ntitle: T\n---\n## Q\n### Expected answer\nA\n### Rubric\n\(items)\n")
        #expect(places(result.errors) == ["17:1"])
    }

    @Test func anEmptyPromptIsOneError() {
        let result = check("---\ntitle: T\n---\n##\n### Why ask\nNo answer here.\n## Fine?\n### Expected answer\nA\n")
        #expect(places(result.errors) == ["4:1"], "no 'no expected answer' for the question without a prompt")
    }

    /// The missing '---' is named as such, at the first question, whose lines are then
    /// read as a question's (not as unknown front-matter keys).
    @Test func aFrontMatterWithoutItsClosingLine() {
        let result = check("---\ntitle: T\nduration: 5m\n## Q\nid: q\ntime: 3m\n### Expected answer\nA\n### Rubric\n- [ ] x\n")
        #expect(result.errors.count == 1, "\(result.errors)")
        #expect(places(result.errors) == ["4:1"])
        #expect(result.errors.first?.message
            == "unterminated front matter: expected a line '---' before the first question, to close the one on line 1")
    }

    /// Lines starting with `#` are comments in a front matter that is closed: `## ` too.
    @Test func aClosedFrontMatterKeepsItsCommentsWithHashes() throws {
        let bank = try BankParser.parse(bytes: Array("---\ntitle: T\n## a comment\n---\n## Q\n### Expected answer\nA\n".utf8), file: "t.md")
        #expect(bank.questions.map(\.prompt) == ["Q"])
    }

    @Test func aGoodBankHasNoWarnings() throws {
        let bytes = try #require(BankLoader.builtinBytes("machine-learning"))
        let result = BankParser.check(bytes: bytes, file: "builtin:machine-learning")
        #expect(result.errors.isEmpty)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.bank?.questions.count == 15)
    }

    @Test func budgetsOverTheDuration() {
        let result = check("""
            ---
            title: T
            duration: 20m
            ---
            ## One?
            time: 25m
            ### Expected answer
            A
            ### Rubric
            - [ ] x
            ## Two?
            time: 15m
            ### Expected answer
            B
            ### Rubric
            - [ ] y
            """)
        #expect(result.errors.isEmpty)
        #expect(result.bank != nil, "a warning is no error: the bank runs")
        #expect(places(result.warnings) == ["3:11"])
        #expect(result.warnings.first?.message.hasPrefix("the questions' times add up to 40m, over the 20m duration") == true)
    }

    @Test func noDurationMeansNoBudgetWarning() {
        let result = check("---\ntitle: T\n---\n## Q\ntime: 3h\n### Expected answer\nA\n### Rubric\n- [ ] x\n")
        #expect(result.warnings.isEmpty)
    }

    @Test func aQuestionWithoutARubric() {
        let result = check("---\ntitle: T\n---\n## Q\n### Expected answer\nA\n## R\n### Expected answer\nB\n### Rubric\n- [ ] y\n")
        #expect(places(result.warnings) == ["4:1"])
        #expect(result.warnings.first?.message.contains("no rubric") == true)
    }

    @Test func theImportersPlaceholderAnswer() {
        let result = check("---\ntitle: T\n---\n## Q\n### Expected answer\n\(Question.placeholderAnswer)\n### Rubric\n- [ ] y\n")
        #expect(places(result.warnings) == ["5:1"])
        #expect(result.warnings.first?.message.contains("placeholder") == true)
    }

    @Test func duplicatePromptsWithDifferentIds() {
        let result = check("""
            ---
            title: T
            ---
            ## What is X?
            id: x1
            ### Expected answer
            A
            ### Rubric
            - [ ] y
            ## what is  x?
            id: x2
            ### Expected answer
            B
            ### Rubric
            - [ ] y
            """)
        #expect(result.errors.isEmpty)
        #expect(places(result.warnings) == ["10:1"])
        #expect(result.warnings.first?.message == "the same prompt as the question on line 4: expected each question once")
    }

    @Test func duplicateIdsAreErrorsEachTime() {
        let question = "## Same?\n### Expected answer\nA\n### Rubric\n- [ ] y\n"
        let result = check("---\ntitle: T\n---\n" + question + question + question)
        #expect(places(result.errors) == ["9:1", "14:1"])
        #expect(result.errors.allSatisfy { $0.message.hasPrefix("duplicate question id 'same' (also line 4)") })
    }

    @Test func tabsInIndentationWarnAndNestLikeFourSpaces() throws {
        let result = check("---\ntitle: T\n---\n## Q\n### Expected answer\n- top\n\t- nested by a tab\n  \t- spaces then a tab\n### Rubric\n\t- [ ] item\n")
        #expect(result.errors.isEmpty)
        #expect(places(result.warnings) == ["7:1", "8:3", "10:1"], "\(result.warnings)")
        #expect(result.warnings.first?.message.contains("tab") == true)
        let answer = try #require(result.bank?.questions.first?.expectedAnswer)
        #expect(answer.blocks.map(\.kind) == [.bullet(level: 0), .bullet(level: 1), .bullet(level: 1)])
    }
}

/// Lines of good banks cut, repeated, swapped, indented with tabs and spaces: `check`
/// keeps the fuzz target's invariants (every place inside the file, a bank exactly when
/// there is no error, what parses writes back the same) and goes on to find the rest.
@Suite("Checking mutated banks")
struct BankCheckMutationTests {
    @Test func seededMutationsKeepTheInvariants() throws {
        let sources = [try #require(BankLoader.builtinBytes("machine-learning")), Array(BankTemplate.markdown(title: "T").utf8)]
        var random = SeededRandom(seed: 17)
        var several = 0
        for round in 0..<200 {
            var lines = UTF8Text.lines(of: String(decoding: sources[round % 2], as: UTF8.self))
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<6, using: &random) {
                case 0: lines.remove(at: at)
                case 1: lines.insert(lines[Int.random(in: 0..<lines.count, using: &random)], at: at)
                case 2: lines[at] = "\t" + lines[at]
                case 3: lines[at] = "  " + lines[at]
                case 4: lines.swapAt(at, Int.random(in: 0..<lines.count, using: &random))
                default: lines[at] = String(lines[at].dropFirst(Int.random(in: 1...3, using: &random)))
                }
                if lines.isEmpty { lines = ["---"] }
            }
            let bytes = Array(lines.joined(separator: "\n").utf8)
            if let violation = FuzzTarget.bank.violation(bytes) {
                Issue.record("round \(round): \(violation)\n\(lines.joined(separator: "\n"))")
                break
            }
            if BankParser.check(bytes: bytes, file: "m.md").errors.count > 1 { several += 1 }
        }
        #expect(several > 20, "errors found after the first: \(several)")
    }
}

@Suite("The starter bank of interview new")
struct BankTemplateTests {
    @Test func validatesWithoutAWarning() throws {
        let text = BankTemplate.markdown(title: "Backend screen")
        let result = check(text)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let bank = try #require(result.bank)
        #expect(bank.title == "Backend screen")
        #expect(bank.role != nil && bank.level != nil && bank.description != nil)
        #expect(bank.questions.map(\.timeSeconds) == [360, 240], "its own time:, then the front matter's")
        let first = try #require(bank.questions.first)
        #expect(first.id == "rate-limiter")
        #expect(first.tags == ["system design", "trade-offs"])
        #expect(!first.whyAsk.isEmpty && !first.howToEvaluate.isEmpty)
        #expect(first.expectedAnswer.blocks.map(\.kind).contains(.bullet(level: 1)), "a nested bullet")
        #expect(first.rubric.count == 3)
        #expect(first.competencies == ["system design", "production judgment"])
        #expect(first.followUps.count == 2)
        #expect(first.anchors.count == 4 && first.anchors[0].hasPrefix("No working scheme"), "its own ratings")
        let second = bank.questions[1]
        #expect(second.competencies == ["debugging"])
        #expect(second.followUps.isEmpty)
        #expect(second.anchors.count == 4 && second.anchors[0].hasPrefix("Wrong, or no answer"), "the front matter's ratings")
    }

    /// Every section of the format and every front-matter key is in it.
    @Test func showsEveryLineOfTheFormat() {
        let text = BankTemplate.markdown(title: "T")
        for key in BankParser.frontMatterKeys { #expect(text.contains("\n\(key): "), "\(key)") }
        for section in BankParser.Section.allCases { #expect(text.contains("\n### \(section.rawValue)\n"), "\(section)") }
        for line in ["\nid: ", "\ntime: ", "\ntags: ", "\ncompetencies: ", "\n- [ ] ", "\n- ", "\n1: ", "\n4: ", "**", "`"] { #expect(text.contains(line), "\(line)") }
    }

    @Test func titlesFromFileNames() {
        #expect(BankTemplate.title(forFile: "banks/backend-screen.md") == "Backend screen")
        #expect(BankTemplate.title(forFile: "ml_loop") == "Ml loop")
        #expect(BankTemplate.title(forFile: ".md") == "My interview")
        #expect(BankTemplate.markdown(title: "two\nlines").contains("\ntitle: two lines\n"))
    }
}

@Suite("Did you mean")
struct SuggestionTests {
    let commands = ["run", "resume", "practice", "replay", "mirror", "banks", "themes", "validate", "new", "import", "report", "stats"]

    @Test func closeWords() {
        #expect(Suggestion.closest(to: "init", among: commands) == ["import"])
        #expect(Suggestion.closest(to: "valdiate", among: commands) == ["validate"])
        #expect(Suggestion.closest(to: "rn", among: commands) == ["run"])
        #expect(Suggestion.closest(to: "Banks", among: commands) == ["banks"])
        #expect(Suggestion.closest(to: "machne-learning", among: commands + ["machine-learning"]) == ["machine-learning"])
    }

    @Test func farWordsGetNone() {
        #expect(Suggestion.closest(to: "qwertyuiop", among: commands).isEmpty)
        #expect(Suggestion.phrase(for: "qwertyuiop", among: commands) == "")
    }

    @Test func tiesAreAllNamed() {
        #expect(Suggestion.phrase(for: "x", among: ["run", "new"]) == "did you mean 'run' or 'new'?")
        #expect(Suggestion.phrase(for: "init", among: commands) == "did you mean 'import'?")
    }
}
