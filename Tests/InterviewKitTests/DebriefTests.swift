import Foundation
import SchemaCheck
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// `interview debrief`: one candidate's sessions side by side.
@Suite struct DebriefTests {
    static func debrief() throws -> Debrief {
        try Debrief(LoopFixtures.debriefSessions().map { ($0.name, $0.file) })
    }

    @Test func questionsLineUpByIdElseByPrompt() throws {
        let d = try Self.debrief()
        #expect(d.candidate == "Ada Lovelace", "the first session's spelling")
        #expect(d.columns.map(\.title) == ["Grace Hopper", "Alan Turing", "Barbara Liskov"])
        #expect(d.rows.map(\.id) == ["overfitting", "bias-variance", "past-project", "feature-store"])
        // Barbara's overfitting question has another id and the same prompt; her
        // bias-variance question has the same id and another prompt.
        #expect(d.rows[0].answers.map { $0?.rating } == [4, 2, 3])
        #expect(d.rows[1].answers.map { $0?.rating } == [3, 3, 1])
        #expect(d.rows[2].answers.map { $0?.asked } == [true, false, nil], "Alan skipped it; Barbara's bank lacks it")
        #expect(d.rows[2].answers[1]?.skipped == true)
        #expect(d.rows[2].answers[1]?.skipReason == "out of time")
        #expect(DebriefText.cell(d.rows[2].answers[1]) == "skipped: out of time")
        #expect(d.rows[3].answers.map { $0?.rating } == [nil, nil, 3])
        #expect(d.rows[0].answers[0]?.ticked == ["Defines overfitting", "Names a remedy"])
        #expect(d.rows[0].answers[2]?.overBudget == true, "260 s of 240")
        #expect(d.rows[0].tags == ["generalization", "model training"])
        #expect(d.rows[3].tags == ["systems", "experience"])
    }

    @Test func disagreementsOfTwoPointsOrMore() throws {
        let d = try Self.debrief()
        #expect(d.rows.map(\.spread) == [2, 2, nil, nil])
        #expect(d.disagreements.map(\.id) == ["overfitting", "bias-variance"])
        #expect(d.recommendations == [4, 2, 3])
        #expect(d.recommendationsDisagree)
    }

    @Test func rollUpByCompetency() throws {
        let d = try Self.debrief()
        #expect(d.rollUpBy == .competencies)
        #expect(d.rows[0].competencies == ["ML fundamentals", "modelling"])
        #expect(d.rollUp.map(\.name) == ["ML fundamentals", "modelling", "ownership", "communication", "system design"])
        let fundamentals = d.rollUp[0]
        #expect(fundamentals.perColumn.map(\.rated) == [2, 2, 2])
        #expect(fundamentals.average(0) == 3.5)
        #expect(fundamentals.average(2) == 2)
        #expect(fundamentals.averageRating == 16.0 / 6)
        #expect(d.rollUp[3].perColumn.map(\.rated) == [1, 0, 1], "communication: Grace's past project, Barbara's feature store")
    }

    /// Sessions whose questions name no competency (banks without the line, older files):
    /// the roll-up is by tag, and says so.
    @Test func rollUpByTagWithoutCompetencies() throws {
        var sessions = try LoopFixtures.debriefSessions()
        for index in sessions.indices {
            for q in sessions[index].file.questions.indices { sessions[index].file.questions[q].competencies = nil }
        }
        let d = try Debrief(sessions.map { ($0.name, $0.file) })
        #expect(d.rollUpBy == .tags)
        #expect(DebriefText.rollUpNote(d).hasPrefix("No question names a competency"))
        #expect(d.rollUp.map(\.name) == ["generalization", "model training", "experience", "systems"])
        let generalization = d.rollUp[0]
        #expect(generalization.perColumn.map(\.rated) == [2, 2, 2])
        #expect(generalization.average(0) == 3.5)
        #expect(generalization.average(2) == 2)
        #expect(generalization.rated == 6)
        #expect(generalization.averageRating == 16.0 / 6)
        #expect(d.rollUp[2].perColumn.map(\.rated) == [1, 0, 1], "experience: Grace's past project, Barbara's feature store")
    }

    @Test func sessionsOfTwoCandidatesAreRefused() throws {
        var sessions = try LoopFixtures.debriefSessions()
        sessions[1].file.candidate = "Bob"
        do {
            _ = try Debrief(sessions.map { ($0.name, $0.file) })
            Issue.record("two candidates made one debrief")
        } catch {
            #expect(error.description == "2027-01-15-alan.json: is a session of \"Bob\", and 2027-01-15-grace.json of \"Ada Lovelace\": expected sessions of one candidate")
        }
    }

    @Test func noDecisionIsNoPointOnTheScale() throws {
        var sessions = try LoopFixtures.debriefSessions()
        let bank = try BankParser.parse(bytes: Array(LoopFixtures.debriefBankText.utf8), file: "debrief.md")
        sessions[0].file = try LoopFixtures.session(bank, id: "d1", candidate: "Ada Lovelace", interviewer: "Grace Hopper", day: 0,
                                                    steps: [LoopFixtures.Step(seconds: 200, rating: 3)], recommendation: Rating.noDecision)
        let d = try Debrief(sessions.map { ($0.name, $0.file) })
        #expect(d.columns[0].report.recommendation == Rating.noDecision)
        #expect(d.recommendations == [2, 3])
        #expect(!d.recommendationsDisagree)
        #expect(d.render(as: .markdown).contains("| Recommendation | **no decision** | **2 no** | **3 yes** |"))
    }

    @Test func oneInterviewerTwiceIsToldApartByDate() throws {
        var sessions = try LoopFixtures.debriefSessions()
        sessions[1].file.interviewer = "Grace Hopper"
        let d = try Debrief(sessions.map { ($0.name, $0.file) })
        #expect(d.columns.map(\.title) == ["Grace Hopper (2027-01-15 08:00 UTC)", "Grace Hopper (2027-01-15 10:00 UTC)", "Barbara Liskov"])
    }

    @Test func markdownGolden() throws {
        assertGolden(try Self.debrief().render(as: .markdown), named: "debrief.md")
    }

    @Test func htmlGolden() throws {
        let html = try Self.debrief().render(as: .html)
        assertGolden(html, named: "debrief.html")
        #expect(!html.contains("<script"))
        #if canImport(FoundationXML) || canImport(Darwin)
        let document = try XMLDocument(xmlString: html, options: [])
        #expect(try document.nodes(forXPath: "//*[local-name()='tr'][@class='disagree']").count == 2)
        #endif
    }

    @Test func jsonGolden() throws {
        let text = try Self.debrief().render(as: .json)
        SchemaCheck.expectValid(text, .debrief)
        assertGolden(text, named: "debrief.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "interview-debrief")
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect((questions[2]["answers"] as? [Any])?.last is NSNull, "a session without the question: null")
        #expect((object["rollUp"] as? [String: Any])?["by"] as? String == "competencies")
    }

    @Test func markdownRendersAsTextInGitHubsRenderer() throws {
        let markdown = try Self.debrief().render(as: .markdown)
        guard let html = try MarkdownEscapeTests.cmarkGFM(markdown) else { return }
        #expect(html.contains("<li>Hire: clear -&gt; structured thinking</li>"))
        #expect(html.contains("<td>What is overfitting, and how do you *prevent* it?</td>"))
        #expect(html.contains("<li>Unsure about depth | breadth</li>"))
        #expect(!html.contains("<em>"))
    }
}
