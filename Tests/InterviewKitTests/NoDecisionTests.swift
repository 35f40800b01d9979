import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// No decision is `"noDecision"` in the session file as in every JSON document; a file
/// of version 1 said `5`, and is still read.
@Suite struct NoDecisionTests {
    static func session() throws -> SessionFile {
        var engine = SessionEngine(bank: try ReportFixtures.bank(), id: "n", candidate: "Ada", interviewer: "Grace",
                                   startedAt: ReportFixtures.startedAt)
        engine.perform(.rate(3), at: 10)
        engine.perform(.wrapUp, at: 20)
        engine.perform(.recommend(Rating.noDecision), at: 21)
        engine.perform(.end, at: 22)
        return engine.snapshot(at: 22)
    }

    @Test func theSessionFileWritesTheWord() throws {
        let text = String(decoding: try Self.session().checkedEncoding(), as: UTF8.self)
        #expect(text.contains("\"recommendation\" : \"noDecision\""))
        #expect(text.contains("\"version\" : 2"))
        #expect(try ReportFixtures.roundTrip(try Self.session()).recommendation == Rating.noDecision)
    }

    @Test func aFileOfVersionOneWithFiveIsStillRead() throws {
        let text = String(decoding: try Self.session().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"recommendation\" : \"noDecision\"", with: "\"recommendation\" : 5")
            .replacingOccurrences(of: "\"version\" : 2", with: "\"version\" : 1")
        #expect(text.contains("\"recommendation\" : 5"))
        let old = try SessionFile.decode(Data(text.utf8), file: "old.json")
        #expect(old.recommendation == Rating.noDecision)
        #expect(try SessionSummary.decode(Data(text.utf8), file: "old.json").recommendation == Rating.noDecision, "stats reads it too")
        #expect(Scorecard.render([SessionReport(old, file: "old.json")], as: .json).contains("\"recommendation\" : \"noDecision\""))
        let saved = String(decoding: try old.checkedEncoding(), as: UTF8.self)
        #expect(saved.contains("\"recommendation\" : \"noDecision\"") && saved.contains("\"version\" : 2"), "saved again in version 2")
    }

    @Test func noRecommendationIsNullAndAnAbsentKeyIsNone() throws {
        var engine = SessionEngine(bank: try ReportFixtures.bank(), id: "n", candidate: "Ada", interviewer: "Grace",
                                   startedAt: ReportFixtures.startedAt)
        engine.perform(.rate(3), at: 10)
        let text = String(decoding: try engine.snapshot(at: 11).checkedEncoding(), as: UTF8.self)
        #expect(text.contains("\"recommendation\" : null"))
        let absent = text.replacingOccurrences(of: "\"recommendation\" : null,", with: "")
        #expect(!absent.contains("\"recommendation\""))
        #expect(try SessionFile.decode(Data(absent.utf8), file: "old.json").recommendation == nil)
    }

    @Test func aWordThatIsNotARecommendationIsAnErrorAtIt() throws {
        let text = String(decoding: try Self.session().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"recommendation\" : \"noDecision\"", with: "\"recommendation\" : \"maybe\"")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"recommendation\"") }.map { $0 + 1 }
        let error = try #require(throws: InputError.self) { try SessionFile.decode(Data(text.utf8), file: "bad.json") }
        #expect(error.line == line && error.message.contains("\"maybe\" is not a recommendation"), "\(error)")
    }
}
