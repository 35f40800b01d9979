import Foundation
import InterviewCore
@testable import InterviewIndex
import InterviewPrivacy
import InterviewReports
import InterviewSamples
import InterviewStore
import Testing

/// The listings of the sessions folder through the index (`resume`'s list, `forget` and
/// `purge`, `run`'s notice of an unfinished interview) are the listings of the files: on
/// generated sessions, with files new, changed, gone and broken since the index was filled.
@Suite("Index listings")
struct IndexListingsTests {
    /// A folder `stats` indexed, then changed: a session ended since, one new and unfinished,
    /// one gone, one broken; two left unfinished before (a live one, a practice one).
    static func changedSinceIndexed() throws -> IndexFixture {
        let fixture = try IndexFixture(sessions: 12)
        try fixture.write(IndexFixture.unfinished("Ada Byron", index: 20), as: "session-20.json")
        try fixture.write(IndexFixture.unfinished("Alan Practice", index: 21, mode: .practice), as: "session-21.json")
        try fixture.write(IndexFixture.unfinished("Grace Later", index: 22), as: "session-22.json")
        try fixture.age()
        _ = try fixture.index().stats(folder: fixture.sessions)
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 5)
        try fixture.write(SampleSessions.interview(bank: bank, index: 22, rng: &rng), as: "session-22.json")
        try fixture.write(IndexFixture.unfinished("Edsger New", index: 30), as: "session-30.json")
        try FileManager.default.removeItem(at: fixture.sessions.appendingPathComponent("session-3.json"))
        try Data("{ \"id\": 3 ".utf8).write(to: fixture.sessions.appendingPathComponent("broken.json"))
        return fixture
    }

    @Test func forgetAndPurgeReadTheSameSessionsThroughTheIndex() throws {
        let fixture = try Self.changedSinceIndexed()
        let store = SessionStore(folder: fixture.sessions)
        let environment = ["HOME": fixture.root.path]
        let listed = try fixture.index().listed(folder: fixture.sessions)
        #expect(listed.count == 15, "a row per readable session, the new one added on the way, the gone one dropped")
        let files = StoredData.load(store, environment: environment)
        let indexed = StoredData.load(store, known: listed.mapValues(\.facts), environment: environment)
        #expect(indexed.sessions == files.sessions)
        #expect(files.sessions.count == 16 && files.sessions.contains { $0.facts == nil }, "the broken file is listed as such")
        let forget = ForgetSelection(name: "ada byron", ids: ["bench-7"], data: indexed)
        #expect(forget.sessions.map(\.path) == ForgetSelection(name: "ada byron", ids: ["bench-7"], data: files).sessions.map(\.path))
        #expect(forget.sessions.count == 2)
    }

    @Test func resumeListsTheSameSessionsThroughTheIndex() throws {
        let fixture = try Self.changedSinceIndexed()
        let paths = SessionStore(folder: fixture.sessions).sessionPaths()
        let ended = Set(try fixture.index().listed(folder: fixture.sessions).filter { $0.value.status == .completed }.keys)
        #expect(ended.count == 12, "the ended sessions, the one ended since among them")
        let now = Date()
        let files = UnfinishedSession.find(paths, isRescue: { _ in false }).map { $0.line(now: now) }
        let indexed = UnfinishedSession.find(paths, isRescue: { _ in false }, ended: ended).map { $0.line(now: now) }
        #expect(indexed == files)
        #expect(files.count == 3 && files.contains { $0.hasPrefix("Edsger New,") } && !files.contains { $0.hasPrefix("Grace Later") })
    }

    /// `run` asks the index without refreshing it: a session a run wrote since the last
    /// refresh, and one ended since it was indexed as unfinished, are told by the files.
    @Test func runFindsTheNewestUnfinishedSessionThroughTheIndexWithoutWritingIt() throws {
        let fixture = try Self.changedSinceIndexed()
        let store = SessionStore(folder: fixture.sessions)
        let rows = try fixture.index().state().rows
        let index = try #require(try SessionIndex.openForReading(fixture.indexURL))
        let waiting = try index.waiting(folder: fixture.sessions)
        let path = { fixture.sessions.appendingPathComponent($0).path }
        #expect(waiting(path("session-20.json")) == true, "indexed as unfinished, unchanged")
        #expect(waiting(path("session-21.json")) == false, "a practice session is not waiting")
        #expect(waiting(path("session-1.json")) == false, "ended")
        #expect(waiting(path("session-22.json")) == nil, "ended since it was indexed: the file tells")
        #expect(waiting(path("session-30.json")) == nil, "new since the index was filled: the file tells")
        #expect(store.newestUnfinished(waiting: waiting)?.path == path("session-30.json"))
        #expect(store.newestUnfinished()?.path == path("session-30.json"))
        try FileManager.default.removeItem(atPath: path("session-30.json"))
        #expect(store.newestUnfinished(waiting: waiting)?.path == path("session-20.json"))
        #expect(store.newestUnfinished()?.path == path("session-20.json"))
        #expect(try fixture.index().state().rows == rows, "run reads the index, never refreshes it")
    }

    @Test func runOpensNoIndexWhereThereIsNoneNorOneOfAnotherVersion() throws {
        let fixture = try IndexFixture(sessions: 1)
        #expect(try SessionIndex.openForReading(fixture.indexURL) == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.indexURL.path), "no index made")
        _ = try fixture.index().stats(folder: fixture.sessions)
        try SQLiteConnection(path: fixture.indexURL.path).execute("PRAGMA user_version = 99")
        #expect(try SessionIndex.openForReading(fixture.indexURL) == nil)
    }
}
