import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

// The bank format's aids for the interviewer (docs/bank-format.md): a question's
// `competencies:` line, its `### Follow-ups` and `### Ratings` sections, and the front
// matter's default ratings `rating-1:` to `rating-4:`. Each construct parsed, every
// error at its place, the warnings, the writer, and the built-in bank that uses them all.

// MARK: - Helpers

private func parse(_ text: String) throws(InputError) -> Bank {
    try BankParser.parse(bytes: Array(text.utf8), file: "test.md")
}

private func check(_ text: String) -> BankCheck {
    BankParser.check(bytes: Array(text.utf8), file: "test.md")
}

private func places(_ problems: [InputError]) -> [String] {
    problems.map { "\($0.line):\($0.column)" }
}

/// A front matter (lines 1 to 3 with the default `title: T`), then `body` from line 4.
private func bank(_ body: String, frontMatter: String = "title: T") -> String {
    "---\n\(frontMatter)\n---\n" + body
}

/// A question (lines 1 to 5 of it: heading, answer, rubric), then `extra` lines.
private func question(_ prompt: String = "Q", _ extra: String = "") -> String {
    "## \(prompt)\n### Expected answer\nA.\n### Rubric\n- [ ] r\n" + extra
}

/// Asserts that `text` has exactly the errors at `expected` ("LINE:COL"), the first with `message` in it.
private func expectErrors(_ text: String, _ expected: [String], _ message: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    let result = check(text)
    #expect(places(result.errors) == expected, "\(result.errors)", sourceLocation: sourceLocation)
    #expect(result.errors.first?.message.contains(message) == true, "\(result.errors)", sourceLocation: sourceLocation)
    #expect(result.bank == nil, sourceLocation: sourceLocation)
}

private let ratings = "### Ratings\n1: Wrong\n2: Vague\n3: Right\n4: Right, with the trade-offs\n"
private let anchors = ["Wrong", "Vague", "Right", "Right, with the trade-offs"]

// MARK: - Parsing

@Suite("Competencies, follow-ups and ratings: parsing")
struct InterviewerAidsParsingTests {
    @Test func competenciesAreACommaListLikeTags() throws {
        let parsed = try parse(bank("## Q\n  competencies:  ML fundamentals , data handling,, \ntags: t\n### Expected answer\nA.\n"))
        let q = try #require(parsed.questions.first)
        #expect(q.competencies == ["ML fundamentals", "data handling"])
        #expect(q.tags == ["t"])
    }

    @Test func theLastCompetenciesLineWinsAndNoneIsEmpty() throws {
        let parsed = try parse(bank("## Q\ncompetencies: a\ncompetencies: b, c\n### Expected answer\nA.\n## R\ncompetencies:\n### Expected answer\nB.\n"))
        #expect(parsed.questions.map(\.competencies) == [["b", "c"], []])
    }

    @Test func followUpsAreOneStringPerBulletWithTheirMarkdownKept() throws {
        let parsed = try parse(bank(question("Q", """
            ### Follow-ups

            - What if the data is *streaming*?
              - And with `float16` weights?
            *   Which would you ship first?  
            """)))
        #expect(parsed.questions.first?.followUps == [
            "What if the data is *streaming*?", "And with `float16` weights?", "Which would you ship first?",
        ])
    }

    @Test func nineFollowUpsAreAllowed() throws {
        let items = (1...9).map { "- follow-up \($0)" }.joined(separator: "\n")
        let parsed = try parse(bank(question("Q", "### Follow-ups\n\(items)\n")))
        #expect(parsed.questions.first?.followUps == (1...9).map { "follow-up \($0)" })
    }

    @Test func ratingsAreFourTextsFromOneToFour() throws {
        let parsed = try parse(bank(question("Q", "### ratings\n\n1:   Wrong  \n  2: Vague: no *example*\n\n3:Right\n4: Right, with the trade-offs\n")))
        #expect(parsed.questions.first?.anchors == ["Wrong", "Vague: no *example*", "Right", "Right, with the trade-offs"])
    }

    @Test func withoutAnyOfThemTheFieldsAreEmpty() throws {
        let q = try #require(try parse(bank(question())).questions.first)
        #expect(q.competencies.isEmpty && q.followUps.isEmpty && q.anchors.isEmpty)
    }

    @Test func sectionsMayComeInAnyOrderAmongTheOthers() throws {
        let parsed = try parse(bank("## Q\n\(ratings)### Follow-ups\n- Why?\n### Expected answer\nA.\n### Rubric\n- [ ] r\n"))
        let q = try #require(parsed.questions.first)
        #expect(q.anchors == anchors)
        #expect(q.followUps == ["Why?"])
        #expect(q.expectedAnswer.plainText == "A.")
    }
}

// MARK: - Default ratings

@Suite("Default ratings in the front matter")
struct DefaultRatingsTests {
    static let frontMatter = "title: T\nrating-3: Solid\nrating-1: Misses it\nrating-2: Partly\nrating-4: Teaches it"
    static let defaults = ["Misses it", "Partly", "Solid", "Teaches it"]

    @Test func goToEveryQuestionWithoutItsOwn() throws {
        let parsed = try parse(bank(question("A") + question("B", ratings) + question("C"), frontMatter: Self.frontMatter))
        #expect(parsed.questions.map(\.anchors) == [Self.defaults, anchors, Self.defaults])
    }

    @Test func withoutEitherAQuestionHasNone() throws {
        let parsed = try parse(bank(question("A") + question("B")))
        #expect(parsed.questions.allSatisfy { $0.anchors.isEmpty })
    }

    @Test func theLastOfARepeatedKeyWins() throws {
        let parsed = try parse(bank(question(), frontMatter: Self.frontMatter + "\nrating-4: Could teach it"))
        #expect(parsed.questions.first?.anchors.last == "Could teach it")
    }

    @Test func areFrontMatterKeys() {
        for level in 1...4 { #expect(BankParser.frontMatterKeys.contains("rating-\(level)")) }
    }

    @Test func allFourOrNone() {
        expectErrors(bank(question(), frontMatter: "title: T\nrating-2: b\nrating-1: a\nrating-4: d"), ["3:1"],
                     "default ratings rating-1, rating-2 and rating-4 without rating-3: expected all four")
        expectErrors(bank(question(), frontMatter: "title: T\nlevel: x\nrating-3: c"), ["4:1"],
                     "default ratings rating-3 without rating-1, rating-2 and rating-4")
    }

    @Test func anEmptyValue() {
        // The column is where the value would start; an empty key still counts as given.
        expectErrors(bank(question(), frontMatter: Self.frontMatter + "\nrating-2:"), ["7:10"],
                     "expected what a 2 (no) answer looks like after 'rating-2:'")
        expectErrors(bank(question(), frontMatter: "title: T\nrating-1:   \nrating-2: b\nrating-3: c\nrating-4: d"), ["3:13"],
                     "expected what a 1 (strong no) answer looks like")
    }

    @Test func levelsOffTheScaleAreUnknownKeys() {
        expectErrors(bank(question(), frontMatter: Self.frontMatter + "\nrating-5: e"), ["7:1"],
                     "unknown front-matter key 'rating-5': expected one of title, duration, time, role, level, description, rating-1, rating-2, rating-3, rating-4")
    }
}

// MARK: - Errors

@Suite("Competencies, follow-ups and ratings: errors at their place")
struct InterviewerAidsErrorTests {
    // Follow-ups (the section's heading is line 9, its first line 10)

    @Test func aFollowUpLineThatIsNoBullet() {
        expectErrors(bank(question("Q", "### Follow-ups\n- fine\nWhy not this?\n  more of it\n")), ["11:1", "12:1"],
                     "expected a follow-up '- ...' in the Follow-ups section, one line each")
    }

    @Test func anEmptyFollowUp() {
        expectErrors(bank(question("Q", "### Follow-ups\n-\n  *   \n")), ["10:2", "11:4"], "expected the follow-up's text after '-'")
    }

    @Test func aTenthFollowUpIsOneError() {
        let items = (1...11).map { "- follow-up \($0)" }.joined(separator: "\n")
        expectErrors(bank(question("Q", "### Follow-ups\n\(items)\n")), ["19:1"],
                     "a tenth follow-up: expected at most 9, one per digit key")
    }

    @Test func aTaskItemInFollowUpsIsARubricItemOutOfPlace() {
        expectErrors(bank(question("Q", "### Follow-ups\n  - [ ] Asked about drift\n")), ["10:3"],
                     "rubric item outside a '### Rubric' section")
    }

    @Test func aSecondFollowUpsSection() {
        expectErrors(bank(question("Q", "### Follow-ups\n- a\n### follow-ups\n- b\n")), ["11:5"],
                     "second 'Follow-ups' section in this question")
    }

    // Ratings (the section's heading is line 9, its first line 10)

    @Test func aMissingLevelIsSaidAtTheHeading() {
        expectErrors(bank(question("Q", "### Ratings\n1: a\n2: b\n4: d\n")), ["9:1"],
                     "the Ratings section has no 3: expected the four lines '1: ...' to '4: ...'")
        expectErrors(bank(question("Q", "### Ratings\n2: b\n")), ["9:1"], "the Ratings section has no 1, 3 or 4")
        expectErrors(bank(question("Q", "### Ratings\n\n")), ["9:1"], "the Ratings section is empty")
        // At the end of the file too, and of each question.
        expectErrors(bank(question("Q", "### Ratings\n1: a\n") + question("R", "### Ratings\n1: a\n2: b\n3: c\n")),
                     ["9:1", "16:1"], "the Ratings section has no 2, 3 or 4")
    }

    @Test func aRepeatedLevel() {
        expectErrors(bank(question("Q", "### Ratings\n1: a\n2: b\n2: b again\n3: c\n4: d\n")), ["12:1"],
                     "a second rating 2 (also line 11): expected each of 1 to 4 once")
    }

    @Test func levelsOutOfOrder() {
        expectErrors(bank(question("Q", "### Ratings\n1: a\n  3: c\n2: b\n4: d\n")), ["12:1"],
                     "rating 2 after rating 3: expected 1, 2, 3 and 4 in that order")
    }

    @Test func aLevelOffTheScale() {
        expectErrors(bank(question("Q", "### Ratings\n0: none\n1: a\n2: b\n3: c\n4: d\n")), ["10:1"],
                     "rating 0 is off the scale: expected 1 to 4 (1 strong no, 2 no, 3 yes, 4 strong yes)")
        expectErrors(bank(question("Q", "### Ratings\n1: a\n2: b\n3: c\n4: d\n  10: e\n")), ["14:3"], "rating 10 is off the scale")
        expectErrors(bank(question("Q", "### Ratings\n1: a\n2: b\n3: c\n4: d\n99999999999999999999: e\n")), ["14:1"],
                     "rating 99999999999999999999 is off the scale")
    }

    @Test func aLevelWithoutText() {
        expectErrors(bank(question("Q", "### Ratings\n1: a\n2:\n3: c\n4: d\n")), ["11:3"],
                     "expected what a 2 (no) answer looks like after '2:'")
        expectErrors(bank(question("Q", "### Ratings\n1: a\n2: b\n3: c\n  4:   \n")), ["13:5"], "expected what a 4 (strong yes) answer")
    }

    /// A line of another form, a continuation line included: each level is one line. The
    /// level it left out is not said again.
    @Test func otherLinesInRatings() {
        expectErrors(bank(question("Q", "### Ratings\n1. a\n- 2: b\n3 - c\nstrong yes: d\n4: d\n  and more\n")),
                     ["10:1", "11:1", "12:1", "13:1", "15:1"],
                     "expected a rating line '1: ...' to '4: ...' in the Ratings section, one line each")
    }

    @Test func everyErrorOfTheNewLinesAtOnce() {
        let result = check(bank("""
            ## Q
            competencies: a
            ### Expected answer
            A.
            ### Follow-ups
            Not a bullet
            ### Ratings
            1: a
            1: again
            ## R
            ### Expected answer
            B.
            ### Ratings
            1: a
            """, frontMatter: "title: T\nrating-1: x"))
        #expect(places(result.errors) == ["3:1", "10:1", "13:1", "17:1"], "\(result.errors)")
    }
}

// MARK: - Warnings

@Suite("Competencies, follow-ups and ratings: warnings")
struct InterviewerAidsWarningTests {
    @Test func ratingsOnSomeQuestionsButNotOthers() {
        let result = check(bank(question("A") + question("B", ratings) + question("C")))
        #expect(result.errors.isEmpty)
        #expect(result.bank != nil, "a warning is no error")
        #expect(places(result.warnings) == ["4:1", "19:1"], "\(result.warnings)")
        #expect(result.warnings.first?.message
            == "this question has no ratings, while 1 other has them: expected a '### Ratings' section, or default ones (rating-1 to rating-4) in the front matter")
    }

    @Test func noWarningWhenAllOrNoneOrTheDefaultsGiveThem() {
        #expect(check(bank(question("A") + question("B"))).warnings.isEmpty)
        #expect(check(bank(question("A", ratings) + question("B", ratings))).warnings.isEmpty)
        #expect(check(bank(question("A") + question("B", ratings), frontMatter: DefaultRatingsTests.frontMatter)).warnings.isEmpty)
    }

    @Test func anEmptyFollowUpsSection() {
        let result = check(bank(question("Q", "### Follow-ups\n\n### Why ask\nW.\n")))
        #expect(result.errors.isEmpty)
        #expect(places(result.warnings) == ["9:1"])
        #expect(result.warnings.first?.message.hasPrefix("an empty Follow-ups section") == true)
    }
}

// MARK: - Writing

@Suite("BankWriter writes competencies, follow-ups and ratings")
struct InterviewerAidsWriterTests {
    @Test func theyReadBackTheSame() throws {
        let q = Question(id: "q", prompt: "Q", timeSeconds: 60, tags: ["t"], expectedAnswer: RichText([Block(.paragraph, [Span("A.")])]),
                         rubric: ["r"], competencies: ["data handling", "communication"],
                         followUps: ["What if it *streams*?", "Why `k = 5`?", "[x] looks like a task"], anchors: anchors)
        let plain = Question(id: "p", prompt: "P", timeSeconds: 60, expectedAnswer: RichText([Block(.paragraph, [Span("B.")])]), rubric: ["r"])
        let markdown = BankWriter.markdown(Bank(title: "T", durationSeconds: 120, questions: [q, plain], source: "x", hash: "0"))
        #expect(markdown.contains("\ncompetencies: data handling, communication\n"))
        #expect(markdown.contains("\n### Follow-ups\n- What if it *streams*?\n- Why `k = 5`?\n* [x] looks like a task\n"))
        #expect(markdown.contains("\n### Ratings\n1: Wrong\n2: Vague\n3: Right\n4: Right, with the trade-offs\n"))
        let result = check(markdown)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.bank?.questions == [q, plain])
    }

    /// The defaults are written into each question: the file reads back as the same bank.
    @Test func defaultRatingsAreWrittenPerQuestion() throws {
        let parsed = try parse(bank(question("A") + question("B", ratings), frontMatter: DefaultRatingsTests.frontMatter))
        let again = try parse(BankWriter.markdown(parsed))
        #expect(again.questions == parsed.questions)
    }
}

// MARK: - The built-in bank

@Suite("The built-in bank's competencies, follow-ups and ratings")
struct BuiltinInterviewerAidsTests {
    @Test func everyQuestionHasThemAll() throws {
        let bank = try BankLoader.load("machine-learning")
        try #require(bank.questions.count == 15)
        for q in bank.questions {
            #expect(!q.competencies.isEmpty && q.competencies.count <= 3, "competencies of \(q.id): \(q.competencies)")
            #expect((2...4).contains(q.followUps.count), "follow-ups of \(q.id): \(q.followUps.count)")
            #expect(q.followUps.allSatisfy { $0.hasSuffix("?") }, "follow-ups of \(q.id) are questions")
            #expect(q.anchors.count == 4, "anchors of \(q.id)")
            #expect(Set(q.anchors).count == 4 && q.anchors.allSatisfy { $0.count >= 20 }, "anchors of \(q.id): \(q.anchors)")
        }
    }

    /// A small shared vocabulary: a handful of competencies, each on several questions.
    @Test func competenciesAreASmallSharedVocabulary() throws {
        let bank = try BankLoader.load("machine-learning")
        var uses: [String: Int] = [:]
        for q in bank.questions { for c in q.competencies { uses[c, default: 0] += 1 } }
        #expect((5...7).contains(uses.count), "\(uses)")
        #expect(uses.values.allSatisfy { $0 >= 2 }, "\(uses)")
        #expect(Set(uses.keys.map { $0.lowercased() }).count == uses.count, "one spelling each: \(uses.keys.sorted())")
    }

    @Test func aSessionFromItCarriesThem() throws {
        let bank = try BankLoader.load("machine-learning")
        let engine = SessionEngine(bank: bank, id: "aids", candidate: "Ada", interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 0))
        for (record, q) in zip(engine.file.questions, bank.questions) {
            #expect(record.competencies == q.competencies)
            #expect(record.followUps == q.followUps)
            #expect(record.anchors == q.anchors)
        }
        #expect(engine.file.questions[0].anchors?.count == 4)
        // And a saved session gives them back.
        #expect(engine.file.bankQuestions.map(\.anchors) == bank.questions.map(\.anchors))
    }
}
