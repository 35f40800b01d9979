import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports
@testable import InterviewPrivacy

/// The privacy commands' work on files, in process: which files `forget` takes, the name
/// `anonymize` gives a file, what both leave alone under the lock, the mode of a rescue
/// copy (docs/privacy.md).
@Suite struct PrivacyFilesTests {
    /// A data folder of its own, with a home (where rescue copies go) inside it.
    struct Folder {
        let root: URL
        let store: SessionStore
        var environment: [String: String] { ["HOME": root.path, "TMPDIR": root.path, "XDG_DATA_HOME": root.path] }

        init() throws {
            root = try Fixtures.temporaryFolder()
            store = SessionStore.standard(environment: ["XDG_DATA_HOME": root.path])
        }

        /// A completed session of `candidate`, named as the program names it, or saved at
        /// `outside` and remembered as `run --out` does.
        @discardableResult
        func session(_ candidate: String, id: String, daysAgo: Double, note: String = "", outside: URL? = nil) throws -> String {
            let start = Date(timeIntervalSince1970: 1_800_000_000 - daysAgo * 86_400)
            var engine = SessionEngine(bank: try Fixtures.smallBank(), id: id, candidate: candidate, interviewer: "Interviewer I",
                                       startedAt: start)
            engine.perform(.toggleRubric(0), at: 10)
            if !note.isEmpty { engine.perform(.setNotes([NoteLine(at: 12, text: note)]), at: 20) }
            engine.perform(.rate(3), at: 60)
            engine.perform(.end, at: 90)
            engine.markEnded(now: start.addingTimeInterval(90))
            let url: URL
            if let outside {
                url = outside
                try store.remember(outside.path)
            } else {
                url = try store.createNewFile(candidate: candidate, startedAt: start)
            }
            try SessionStore.writeAtomically(try engine.snapshot(at: 90).checkedEncoding(), to: url)
            return url.path
        }

        /// A Markdown report of `session`, recorded in reports-written as `report -o` records it.
        func report(_ session: String, as name: String) throws -> String {
            let path = root.appendingPathComponent(name).path
            let markdown = Scorecard.render([SessionReport(try SessionStore.read(session), file: session)], as: .markdown)
            try SessionStore.writeAtomically(Data(markdown.utf8), to: URL(fileURLWithPath: path))
            let record = RecordedReport.recordFile(of: store)
            let old = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
            try SessionStore.writeAtomically(Data((old + path + "\n").utf8), to: record)
            return path
        }

        func data() -> StoredData { StoredData.load(store, environment: environment) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func forgetTakesTheCandidatesSessionsRescueCopiesAndReportsAndLeavesSimilarNamesAlone() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let old = try folder.session("Ada Lovelace", id: "aaaa1111-old", daysAgo: 400)
        let recent = try folder.session("ada  LOVELACE", id: "aaaa2222-recent", daysAgo: 30, note: "strong on loops")
        let outside = try folder.session("Ada Lovelace", id: "aaaa3333-out", daysAgo: 3,
                                         outside: folder.root.appendingPathComponent("ada-out.json"))
        let byron = try folder.session("Ada Byron", id: "bbbb1111-byron", daysAgo: 20)
        let alan = try folder.session("Alan Turing", id: "cccc1111-alan", daysAgo: 10)
        let rescue = try #require(SessionStore.rescue(try SessionStore.read(recent), environment: folder.environment))
        let adaReport = try folder.report(old, as: "ada.md")
        let alanReport = try folder.report(alan, as: "alan.md")
        try Data("not a session".utf8).write(to: folder.store.folder.appendingPathComponent("2026-01-01T00-00-00-broken.json"))

        let found = ForgetSelection(name: "Ada Lovelace", ids: ["ffff"], data: folder.data())
        #expect(Set(found.sessions.map(\.path)) == [old, recent, outside, rescue])
        #expect(found.sessions.first { $0.path == rescue }?.rescue == true)
        #expect(found.reports.map(\.path) == [adaReport])
        #expect(found.similar.map(\.path) == [byron], "Ada Byron is shown, not taken")
        #expect(found.unmatchedIDs == ["ffff"])
        #expect(found.unreadable.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["2026-01-01T00-00-00-broken.json"])

        // By id: the short id, or the start of the id; a report on that session comes with it.
        let byID = ForgetSelection(name: nil, ids: [SessionNames.shortID("cccc1111-alan"), "bbbb"], data: folder.data())
        #expect(Set(byID.sessions.map(\.path)) == [alan, byron])
        #expect(byID.reports.map(\.path) == [alanReport])
        #expect(byID.similar.isEmpty && byID.unmatchedIDs.isEmpty)
        #expect(ForgetSelection(name: "Nobody Here", ids: [], data: folder.data()).sessions.isEmpty)
    }

    @Test func anonymizeNamesTheFileByItsDateAndShortIdAndKeepsNoNameOnDisk() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let path = try folder.session("Grace Hopper", id: "d1e2f3a4-grace", daysAgo: 5, note: "COBOL")
        let report = try folder.report(path, as: "grace.md")
        let data = folder.data()
        let file = try #require(data.sessions.first { $0.path == path }?.facts)

        var failed = Erasure.Failures()
        let lines = try Anonymization.anonymize(.init(path: path, remembered: false) { _ in true }, store: folder.store,
                                                reports: data.reports, failed: &failed)
        #expect(!failed.any)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let expected = folder.store.folder.appendingPathComponent(String(name.prefix(19)) + "-anonymous-" + SessionNames.shortID(file.id) + ".json")
        #expect(lines.first?.hasPrefix("anonymized \(path) → \(expected.path) (") == true, "\(lines)")
        #expect(lines.contains("deleted the report \(report) (it held the name and the notes)"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.store.folder.path)
        #expect(left == [expected.lastPathComponent], "\(left)")
        #expect(!FileManager.default.fileExists(atPath: report))
        let bytes = try String(contentsOf: expected, encoding: .utf8)
        #expect(!bytes.contains("Grace") && !bytes.contains("COBOL"))
        #expect(Redaction.isAnonymous(try SessionStore.read(expected.path)))
    }

    @Test func anonymizeLeavesAloneWhatARunningInterviewHoldsAndWhatChangedSinceItWasListed() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let path = try folder.session("Grace Hopper", id: "d1e2f3a4-grace", daysAgo: 5, note: "COBOL")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var failed = Erasure.Failures()
        let chosen = Anonymization.Chosen(path: path, remembered: false) { NameMatch.isExact("Grace Hopper", $0.candidate) }

        let live = try SessionLock(session: path)
        let refused = #expect(throws: Erasure.Failure.self) {
            try Anonymization.anonymize(chosen, store: folder.store, reports: [], failed: &failed)
        }
        guard case .inUse(path) = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(SessionLock.isHeld(session: path), "the running interview keeps its lock")
        live.release()

        // Listed as Grace's, then rewritten by another program for someone else.
        var other = try SessionStore.read(path)
        other.candidate = "Alan Turing"
        try SessionStore.writeAtomically(try other.checkedEncoding(), to: URL(fileURLWithPath: path))
        let rewritten = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(rewritten != before)
        let stale = #expect(throws: Erasure.Failure.self) {
            try Anonymization.anonymize(chosen, store: folder.store, reports: [], failed: &failed)
        }
        guard case .changed(path) = stale else { Issue.record("\(String(describing: stale))"); return }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == rewritten)
        #expect(!failed.any)
    }

    @Test func forgetAsksAgainUnderTheLockWhetherTheSessionIsStillTheCandidates() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let ada = try folder.session("Ada Lovelace", id: "aaaa1111-ada", daysAgo: 3)
        let alan = try folder.session("Ada Lovelace", id: "aaaa2222-now-alan", daysAgo: 2)
        let found = ForgetSelection(name: "Ada Lovelace", ids: [], data: folder.data())
        #expect(Set(found.sessions.map(\.path)) == [ada, alan])

        var other = try SessionStore.read(alan)
        other.candidate = "Alan Turing"
        try SessionStore.writeAtomically(try other.checkedEncoding(), to: URL(fileURLWithPath: alan))
        #expect(throws: Erasure.Failure.self) { try Erasure.deleteSession(alan, stillChosen: found.chooses) }
        #expect(FileManager.default.fileExists(atPath: alan), "no longer Ada's: kept")
        try Erasure.deleteSession(ada, stillChosen: found.chooses)
        #expect(!FileManager.default.fileExists(atPath: ada))
    }

    @Test func aRescueCopyIsWrittenForItsOwnerOnly() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let path = try folder.session("Ada Lovelace", id: "eeee1111-rescue", daysAgo: 1, note: "a note to keep")
        let rescue = try #require(SessionStore.rescue(try SessionStore.read(path), environment: folder.environment))
        #expect(rescue == folder.root.appendingPathComponent("interview-rescue-eeee1111-rescue.json").path)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: rescue)[.posixPermissions] as? Int)
        #expect(mode == 0o600, "mode \(String(mode, radix: 8))")
        #expect(try SessionStore.read(rescue) == SessionStore.read(path))
    }
}
