import Foundation
import Testing
@testable import InterviewCore

/// Files every reader refuses, at the place that is wrong, where a reader once trapped
/// (`replay`, `resume`: SIGILL) or pointed at the end of the file.
@Suite struct SessionRefusalTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: FuzzRegressionTests.folder.appendingPathComponent("session").appendingPathComponent(name))
    }

    /// The line holding `needle`, from 1 (its `occurrence`-th, from 1).
    static func line(of needle: String, in data: Data, occurrence: Int = 1) -> Int? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.filter { lines[$0].contains(needle) }.dropFirst(occurrence - 1).first.map { $0 + 1 }
    }

    /// `questionAdded` events and the questions marked `added` must agree, one for one:
    /// the fold makes a question at each event, and the screens find it in the file.
    @Test(arguments: [
        ("added-event-without-its-question.json", "\"questionAdded\"", 1, "adds a question the file does not hold"),
        ("added-twice-one-question.json", "\"questionAdded\"", 2, "adds a question the file does not hold"),
        ("added-question-without-event.json", "\"added\"", 1, "no questionAdded event adds it"),
        ("added-question-before-the-bank.json", "\"added\"", 1, "expected the bank's questions first"),
    ])
    func addedQuestionsThatDisagreeWithTheirEventsAreRefused(_ name: String, _ place: String, _ occurrence: Int, _ message: String) throws {
        let data = try Self.fixture(name)
        let whole = Self.refusal { () throws(InputError) in _ = try SessionFile.decode(data, file: name) }
        let summary = Self.refusal { () throws(InputError) in _ = try SessionSummary.decode(data, file: name) }
        #expect(whole == summary, "stats refuses it as the others do")
        let error = try #require(whole, "\(name) was read")
        #expect(error.message.contains(message), "\(error)")
        // An event is pointed at by its opening brace, four lines before its type.
        let line = try #require(Self.line(of: place, in: data, occurrence: occurrence))
        #expect((line - 4)...line ~= error.line, "\(error)")
    }

    static func refusal(_ read: () throws(InputError) -> Void) -> InputError? {
        do throws(InputError) {
            try read()
            return nil
        } catch {
            return error
        }
    }

    /// Bytes that are not UTF-8 inside a string: the error is at their line, not the end of the file.
    @Test func invalidUTF8IsReportedAtItsLine() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.setNotes([NoteLine(at: 1, text: "before MARK after")]), at: 2)
        engine.perform(.interrupt, at: 3)
        var data = try engine.snapshot(at: 3).encoded()
        let mark = try #require(data.firstRange(of: Data("MARK".utf8)))
        data.replaceSubrange(mark, with: [0x4D, 0xC3, 0x28, 0x4B])  // a lead byte, then no continuation
        let line = try #require(Self.line(of: "before M", in: data))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > line + 10, "the notes are far from the end of the file")
        let error = try #require(Self.refusal { () throws(InputError) in _ = try SessionFile.decode(data, file: "s.json") })
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains("UTF-8"), "\(error)")
    }
}
