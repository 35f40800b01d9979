import Foundation
import InterviewCore
@testable import InterviewIndex
import InterviewReports
import InterviewSamples
import InterviewStore
import Testing

/// `stats` through the index gives what `stats` of the files gives, and the index follows
/// the files: new, changed and gone files, a damaged database, another schema version.
@Suite("Index")
struct IndexedStatsTests {
    @Test func statsThroughTheIndexAreTheStatsOfTheFiles() throws {
        let fixture = try IndexFixture(sessions: 24)
        try Data("{ \"id\": 3 ".utf8).write(to: fixture.sessions.appendingPathComponent("broken.json"))
        let files = try SessionStats.load(folder: fixture.sessions)
        #expect(files.sessions.count == 24 && files.skipped.count == 1)
        let cold = try fixture.index().stats(folder: fixture.sessions)
        let warm = try fixture.index().stats(folder: fixture.sessions)
        #expect(cold == files)
        #expect(warm == files)
        #expect(IndexFixture.outputs(warm) == IndexFixture.outputs(files))
        let filter = try StatsFilter(candidate: "Ada Lovelace 0")
        #expect(try fixture.index().stats(folder: fixture.sessions, filter: filter)
                == SessionStats.load(folder: fixture.sessions, filter: filter))
        #expect(try fixture.index().state().rows == 24, "a row per readable session")
    }

    /// The index reads the next batch of files while it writes this one: over several
    /// batches, the rows are those of every file, in any order they were written.
    @Test func statsReadInSeveralBatchesAreTheStatsOfTheFiles() throws {
        let fixture = try IndexFixture(sessions: 24)
        try Data("[]".utf8).write(to: fixture.sessions.appendingPathComponent("session-10b.json"))
        let index = try fixture.index()
        let folder = fixture.sessions.standardizedFileURL.path
        let skipped = try index.refresh(folder: folder, paths: SessionStats.sessionPaths(in: fixture.sessions), batch: 5)
        let files = try SessionStats.load(folder: fixture.sessions)
        #expect(skipped == files.skipped && skipped.count == 1)
        #expect(try index.state().rows == 24)
        #expect(try index.stats(folder: fixture.sessions) == files)
    }

    /// A panel member's link comes back from the index, so calibration through it is the
    /// calibration of the files (the link was once left out of the rows: no panel at all).
    @Test func calibrationThroughTheIndexKeepsThePanels() throws {
        let fixture = try IndexFixture(sessions: 0)
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 11)
        let lead = SampleSessions.interview(bank: bank, index: 1, rng: &rng)
        var second = SampleSessions.interview(bank: bank, index: 2, rng: &rng)
        second.panel = SessionFile.Panel(interview: lead.id, role: .second, lead: lead.interviewer)
        try fixture.write(lead, as: "lead.json")
        try fixture.write(second, as: "second.json")
        let files = try SessionStats.load(folder: fixture.sessions)
        #expect(files.calibration.panels == 1)
        #expect(try fixture.index().stats(folder: fixture.sessions) == files, "cold")
        #expect(try fixture.index().stats(folder: fixture.sessions) == files, "warm")
    }

    /// A `stats` that read a session before `forget` deleted it (and took its rows out)
    /// must not put the rows back when it writes: the erased name stays out of the index.
    @Test func aFileErasedWhileStatsReadItIsNotPutBack() throws {
        let fixture = try IndexFixture(sessions: 1)
        let index = try fixture.index()
        let path = fixture.sessions.appendingPathComponent("session-0.json").path
        let name = try SessionStore.read(path).candidate
        _ = try index.refresh(folder: fixture.sessions.standardizedFileURL.path, paths: [path]) {
            try? FileManager.default.removeItem(atPath: path)
            try? index.erase(paths: [path])
        }
        #expect(try index.state().rows == 0)
        #expect(!fixture.indexBytes().contains(name), "the erased candidate is back in the index")
    }

    @Test func aChangedFileIsReadAgainAndTheRowOfAFileGoneIsDropped() throws {
        let fixture = try IndexFixture(sessions: 3)
        let index = try fixture.index()
        _ = try index.stats(folder: fixture.sessions)
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 7)
        try fixture.write(SampleSessions.interview(bank: bank, index: 8, rng: &rng), as: "session-0.json")
        try FileManager.default.removeItem(at: fixture.sessions.appendingPathComponent("session-1.json"))
        let again = try index.stats(folder: fixture.sessions)
        #expect(again == (try SessionStats.load(folder: fixture.sessions)))
        #expect(again.sessions.map(\.candidate).contains("Margaret Hamilton 8"))
        #expect(try index.state().rows == 2)
    }

    @Test func aFileTouchedWithTheSameBytesKeepsItsRowAndIsNoLongerStale() throws {
        let fixture = try IndexFixture(sessions: 2)
        // Files just written are hashed again every time (a change within the same tick would not show): these are old.
        let paths = try SessionStats.sessionPaths(in: fixture.sessions)
        for path in paths {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: path)
        }
        let index = try fixture.index()
        let before = try index.stats(folder: fixture.sessions)
        #expect(try index.state().stale == 0)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: paths[0])
        #expect(try index.state().stale >= 1)
        #expect(try index.stats(folder: fixture.sessions) == before)
        #expect(try index.state().stale == 0, "the new stamp is kept once the content is found the same")
    }

    @Test func aDamagedIndexIsMadeAgainFromTheFiles() throws {
        let fixture = try IndexFixture(sessions: 2)
        _ = try fixture.index().stats(folder: fixture.sessions)
        for file in SessionIndex.files(fixture.indexURL) { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: 0x5A, count: 8192).write(to: fixture.indexURL)
        #expect(try fixture.index().stats(folder: fixture.sessions) == SessionStats.load(folder: fixture.sessions))
    }

    @Test func anIndexOfAnotherVersionIsMadeAgainFromTheFiles() throws {
        let fixture = try IndexFixture(sessions: 2)
        _ = try fixture.index().stats(folder: fixture.sessions)
        try SQLiteConnection(path: fixture.indexURL.path)
            .execute("DROP TABLE ratings; CREATE TABLE ratings (other TEXT); PRAGMA user_version = 99")
        #expect(try fixture.index().stats(folder: fixture.sessions) == SessionStats.load(folder: fixture.sessions))
        var version = 0
        try SQLiteConnection(path: fixture.indexURL.path).query("PRAGMA user_version") { version = $0[0] }
        #expect(version == IndexSchema.version)
    }

    @Test func theIndexIsReadableByItsOwnerOnly() throws {
        let fixture = try IndexFixture(sessions: 1)
        _ = try fixture.index().stats(folder: fixture.sessions)
        for file in SessionIndex.files(fixture.indexURL) where FileManager.default.fileExists(atPath: file.path) {
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file.lastPathComponent)")
        }
        let folder = try FileManager.default.attributesOfItem(atPath: fixture.indexURL.deletingLastPathComponent().path)
        #expect(folder[.posixPermissions] as? Int == 0o700)
    }

    @Test func erasingACandidateLeavesNoTraceInTheDatabaseNorItsLog() throws {
        let fixture = try IndexFixture(sessions: 3)
        let index = try fixture.index()
        _ = try index.stats(folder: fixture.sessions)
        #expect(fixture.indexBytes().contains("Alan Turing 1"), "the index holds the name before")
        try index.erase(paths: [], candidate: "alan  turing 1")
        #expect(!fixture.indexBytes().contains("Alan Turing 1"))
        #expect(fixture.indexBytes().contains("Ada Lovelace 0"), "the others stay")
        try index.erase(paths: [fixture.sessions.appendingPathComponent("session-0.json").path])
        #expect(!fixture.indexBytes().contains("Ada Lovelace 0"))
    }
}
