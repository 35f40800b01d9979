import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// `stats --no-index` holds every session's facts until it counts them: what sessions of
/// one bank repeat is kept once (`SharedFacts`), so that memory does not grow with a
/// copy of every prompt and rubric per session.
@Suite struct StatsSharingTests {
    /// Where a string's bytes are (a string of more than 15 bytes is never stored inline).
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    static func storage(_ rubric: [SessionFile.RubricItem]) -> UnsafeRawPointer? {
        rubric.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func sessionsOfOneBankShareTheirPromptsAndRubrics() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try ReportFixtures.goldenSession().checkedEncoding()
        for name in ["a.json", "b.json", "c.json"] { try data.write(to: folder.appendingPathComponent(name)) }
        let sessions = try SessionStats.load(folder: folder).sessions
        try #require(sessions.count == 3)
        let (first, last) = (sessions[0], sessions[2])
        #expect(first.questions == last.questions)
        let long = first.questions.indices.filter { first.questions[$0].prompt.utf8.count > 15 }
        #expect(long.count >= 3)
        for index in long {
            #expect(Self.storage(first.questions[index].prompt) == Self.storage(last.questions[index].prompt))
        }
        for (a, b) in zip(first.questions, last.questions) where !a.rubric.isEmpty {
            #expect(Self.storage(a.rubric) == Self.storage(b.rubric), "\(a.id)")
        }
        #expect(Self.storage(first.bank.source) == Self.storage(last.bank.source) || first.bank.source.utf8.count <= 15)
    }
}
