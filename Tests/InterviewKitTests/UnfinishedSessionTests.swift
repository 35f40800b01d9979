import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

/// `resume`'s list: where a session stands within its plan, and which one is live in
/// another window (last, and never the default).
@Suite struct UnfinishedSessionTests {
    func file(plan: [Int]?, moves: Int) throws -> SessionFile {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "u", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000), plan: plan)
        for move in 0..<moves { engine.perform(.next, at: Double(move + 1)) }
        engine.perform(.interrupt, at: 10)
        return engine.snapshot(at: 10)
    }

    @Test func theQuestionIsCountedWithinThePlan() throws {
        let planned = UnfinishedSession(path: "/s/a.json", file: try file(plan: [0, 4, 9], moves: 1), lastActivity: Date(),
                                        open: false, rescue: false)
        #expect(planned.position == "at question 2/3", "a 3-question plan is not 2/15")
        let whole = UnfinishedSession(path: "/s/b.json", file: try file(plan: nil, moves: 1), lastActivity: Date(), open: false, rescue: false)
        #expect(whole.position == "at question 2/15")
        let wrapping = UnfinishedSession(path: "/s/c.json", file: try file(plan: [0], moves: 1), lastActivity: Date(), open: false, rescue: false)
        #expect(wrapping.position == "in wrap-up")
    }

    @Test func oneOpenInAnotherWindowIsSaidAndListedLast() throws {
        let now = Date()
        let live = UnfinishedSession(path: "/s/live.json", file: try file(plan: nil, moves: 0), lastActivity: now, open: true, rescue: false)
        let left = UnfinishedSession(path: "/s/left.json", file: try file(plan: nil, moves: 0), lastActivity: now.addingTimeInterval(-3600),
                                     open: false, rescue: false)
        #expect(live.line(now: now).hasSuffix("(open in another window)"))
        #expect(!left.line(now: now).contains("another window"))
        #expect(UnfinishedSession.ordered([live, left]).map(\.path) == ["/s/left.json", "/s/live.json"])
    }

    /// The files `resume` and `run` look at: the folder's regular `*.json` files, newest
    /// first; not a link, a FIFO (which would hang the reader), a folder or a hidden file.
    @Test func theSessionsFolderListsItsRegularSessionFilesOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["2026-01-01T10-00-00-ada.json", "2026-02-01T10-00-00-grace.json", ".2026-03-01.json", "notes.txt"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("2026-04-01-link.json").path,
                                                   withDestinationPath: folder.appendingPathComponent("notes.txt").path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("2026-05-01-folder.json"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("2026-06-01-fifo.json").path, 0o600) == 0)
        #expect(SessionStore(folder: folder).sessionPaths()
                == ["2026-02-01T10-00-00-grace.json", "2026-01-01T10-00-00-ada.json"].map { folder.appendingPathComponent($0).path })
    }
}
