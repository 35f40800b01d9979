import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewPrivacy

/// `anonymize` takes the candidate's name out of what the interviewer typed into the
/// questions of their own (`+`): the whole name or a word of it, in any case.
@Suite struct AnonymizedPromptsTests {
    @Test func theNameLeavesTheInterviewersOwnQuestions() throws {
        var engine = SessionEngine(bank: try Fixtures.smallBank(), id: "4f2a9c1e-0000-4000-8000-000000000001",
                                   candidate: "Ada Lovelace", interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.addQuestion("Ask Ada Lovelace about the engine"), at: 5)
        engine.perform(.addQuestion("Did ada's team at Lovelaceworks ship it?"), at: 9)
        engine.perform(.interrupt, at: 12)
        let file = engine.snapshot(at: 12)
        let outcome = Redaction.anonymized(file, now: Date())
        let anonymous = Redaction.anonymousName(file)
        let saved = String(decoding: try outcome.file.encoded(), as: UTF8.self)
        #expect(!saved.contains("Ada Lovelace") && !saved.contains("ada's"), "\(saved)")
        #expect(outcome.file.questions[3].prompt == "Ask \(anonymous) about the engine")
        #expect(outcome.file.questions[4].prompt == "Did \(anonymous)'s team at Lovelaceworks ship it?", "a word of the name, not part of a word")
        #expect(outcome.file.events.filter { $0.type == .questionAdded }.map(\.text) == outcome.file.questions[3...].map(\.prompt))
        #expect(outcome.characters >= "Ada Lovelace".count + "ada".count)
        #expect(try SessionFile.decode(outcome.file.encoded(), file: "a.json") == outcome.file)
    }
}
