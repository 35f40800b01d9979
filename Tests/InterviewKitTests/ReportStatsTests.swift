import Foundation
import Testing
import InterviewSamples
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports

@Suite struct ReportStatsTests {
    /// Three valid sessions, one corrupt file, one from a newer version, and files that
    /// are not sessions to look at (hidden, not .json).
    static func folder() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        let day: TimeInterval = 86_400
        let start = ReportFixtures.startedAt
        let sessions = [
            // Names sort against dates: the table follows the dates.
            ("c-first.json", try ReportFixtures.simpleSession(
                id: "s1", candidate: "Carol", startedAt: start, seconds: [200, 100, 60], ratings: [3, 2, nil],
                recommendation: 3)),
            ("a-second.json", try ReportFixtures.simpleSession(
                id: "s2", candidate: "Alan", startedAt: start.addingTimeInterval(day), seconds: [100, 130],
                ratings: [4, 1], recommendation: 2)),
            ("b-third.json", try ReportFixtures.simpleSession(
                id: "s3", candidate: "Barbara", startedAt: start.addingTimeInterval(2 * day), seconds: [190, 60, 400, 10],
                ratings: [2, nil, 4, 3])),
        ]
        for (name, file) in sessions {
            try file.checkedEncoding().write(to: folder.appendingPathComponent(name))
        }
        var corrupt = try sessions[0].1.checkedEncoding()
        corrupt.removeLast(corrupt.count / 2)
        try corrupt.write(to: folder.appendingPathComponent("d-corrupt.json"))
        var newer = String(decoding: try sessions[1].1.checkedEncoding(), as: UTF8.self)
        newer = newer.replacingOccurrences(of: "\"version\" : \(SessionFile.currentVersion)",
                                           with: "\"version\" : \(SessionFile.currentVersion + 1)")
        try Data(newer.utf8).write(to: folder.appendingPathComponent("e-newer.json"))
        try Data("{}".utf8).write(to: folder.appendingPathComponent(".hidden.json"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("readme.txt"))
        return folder
    }

    @Test func statsOfAFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stats = try SessionStats.load(folder: folder)

        #expect(stats.sessions.map(\.candidate) == ["Carol", "Alan", "Barbara"], "sorted by start date")
        #expect(stats.skipped.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["d-corrupt.json", "e-newer.json"])
        #expect(stats.skipped[1].message.contains("newer"))
        #expect(stats.exitCode == 1)

        #expect(stats.banks.count == 1)
        let bank = try #require(stats.banks.first)
        #expect(bank.title == "Report fixture")
        #expect(bank.sessions == 3)
        #expect(bank.questions.map(\.id) == ["overfitting", "bias-variance", "past-project", "never-asked"])
        // Budgets: 180, 120, 300, 240 seconds.
        #expect(bank.questions.map(\.asked) == [3, 3, 2, 1])
        #expect(bank.questions.map(\.overBudget) == [2, 1, 1, 0])
        #expect(bank.questions.map(\.rated) == [3, 2, 1, 1])
        #expect(bank.questions[0].averageRating == 3)
        #expect(bank.questions[1].averageRating == 1.5)
        #expect(bank.questions[2].averageRating == 4)
        #expect(bank.questions[0].averageSeconds == 163)
        #expect(stats.sessions.map(\.averageRating) == [2.5, 2.5, 3])

        let text = stats.render()
        #expect(text.hasPrefix("3 sessions in \(folder.path) (2 files skipped)\n"))
        for name in ["Carol", "Alan", "Barbara"] { #expect(text.contains(name)) }
        #expect(!text.contains("corrupt"))
        #expect(text.contains("Report fixture: 3 sessions"))
        let overfitting = try #require(text.split(separator: "\n").first { $0.contains("What is overfitting") })
        #expect(overfitting.contains("2 (67%)"))
        #expect(overfitting.contains("3.0 (3)"))
        #expect(overfitting.contains("02:43/03:00"))
    }

    @Test func statsWithoutBadFilesExitsZero() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("d-corrupt.json"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("e-newer.json"))
        let stats = try SessionStats.load(folder: folder)
        #expect(stats.skipped.isEmpty)
        #expect(stats.exitCode == 0)
        #expect(stats.render().hasPrefix("3 sessions in "))
    }

    @Test func statsOfAnEmptyOrMissingFolder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stats = try SessionStats.load(folder: folder)
        #expect(stats.render() == "No sessions in \(folder.path).\n")
        #expect(stats.exitCode == 0)
        #expect(throws: InputError.self) { try SessionStats.load(folder: folder.appendingPathComponent("missing")) }
    }

    @Test func statsColumnsAlign() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try SessionStats.load(folder: folder).render().split(separator: "\n")
        let table = Array(lines[1...4])
        let header = try #require(table.first)
        let column = try #require(header.range(of: "CANDIDATE")).lowerBound
        let offset = header.distance(from: header.startIndex, to: column)
        for row in table.dropFirst() {
            let name = row.dropFirst(offset).prefix { $0 != " " }
            #expect(["Carol", "Alan", "Barbara"].contains(String(name)), "\(row)")
        }
    }

    /// Stats over realistic sessions, as the bench makes them (it times 1,000 of them).
    @Test func statsOfRealisticSessions() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 42)
        for index in 0..<40 {
            let file = SampleSessions.interview(bank: bank, index: index, rng: &rng)
            try file.checkedEncoding().write(to: folder.appendingPathComponent(String(format: "session-%04d.json", index)))
        }
        let stats = try SessionStats.load(folder: folder)
        #expect(stats.sessions.count == 40)
        #expect(stats.skipped.isEmpty)
        #expect(stats.render().contains("Machine learning"))
    }
}

/// `stats` reads the summary beside the events (`SessionSummary`), not the events: it
/// must report exactly what a report built from the events says, and refuse a file with
/// the same error as `SessionFile.decode`.
@Suite struct ReportSummaryTests {
    /// The report from the whole file (the events), and the one `stats` makes of the bytes.
    func both(_ data: Data, name: String = "x.json") throws -> (events: SessionReport, summary: SessionReport?) {
        let events = SessionReport(try SessionFile.decode(data, file: name), file: name)
        return (events, SessionReport(try SessionSummary.decode(data, file: name), file: name))
    }

    /// Sessions as the program saves them: the samples the bench times, the golden one,
    /// sessions left in progress mid-second (a question clock running, paused, in the
    /// wrap-up, interrupted, reopened), and the fuzz fixtures that are valid sessions,
    /// as they are and saved again by this version.
    static func savedSessions() throws -> [(name: String, data: Data)] {
        var out: [(String, Data)] = []
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 7)
        for index in 0..<20 {
            out.append(("sample-\(index).json", try SampleSessions.interview(bank: bank, index: index, rng: &rng).checkedEncoding()))
        }
        let (long, t) = SampleSessions.long(bank: bank, events: 2_000, rng: &rng)
        out.append(("long-in-progress.json", try long.snapshot(at: t + 0.4996).checkedEncoding()))
        out.append(("golden.json", try ReportFixtures.goldenSession().checkedEncoding()))
        for seed in UInt64(1)...40 {
            var rng = SeededRandom(seed: seed)
            var engine = Fixtures.engine(try Fixtures.smallBank())
            var t = 0.0
            for _ in 0..<Int.random(in: 1...120, using: &rng) {
                t += Double(Int.random(in: 0...5000, using: &rng)) / 1000
                let notes = engine.state.questions[engine.state.current].notes
                engine.perform(SessionFoldTests.randomAction(&rng, notes: notes), at: t)
            }
            // Saved between two milliseconds, as the heartbeat does.
            let saved = t + Double(Int.random(in: 0...9999, using: &rng)) / 10_000
            out.append(("random-\(seed).json", try engine.snapshot(at: saved).checkedEncoding()))
        }
        for url in FuzzRegressionTests.inputs(.session) {
            let data = try Data(contentsOf: url)
            guard let file = try? SessionFile.decode(data, file: url.lastPathComponent) else { continue }
            out.append((url.lastPathComponent, data))
            out.append(("resaved-" + url.lastPathComponent,
                        try SessionEngine(file: file).snapshot(at: file.clockSeconds).checkedEncoding()))
        }
        return out
    }

    @Test func theSummaryReportsWhatTheEventsSay() throws {
        let sessions = try Self.savedSessions()
        #expect(sessions.count >= 66)
        var fromEvents: [SessionReport] = []
        var fromSummaries: [SessionReport] = []
        for (name, data) in sessions {
            let (events, summary) = try both(data, name: name)
            // Some fuzz fixtures were saved before the summary carried the total time.
            let hasTotal = String(decoding: data, as: UTF8.self).contains("\n  \"totalSeconds\" : ")
            #expect((summary != nil) == hasTotal, "\(name) is read from its summary when it has its total")
            #expect(hasTotal || name.hasPrefix("valid-"), "\(name) is saved by this version")
            #expect(summary == nil || summary == events, "\(name)")
            fromEvents.append(events)
            fromSummaries.append(try SessionStats.report(name, data: data, name: name))
        }
        let expected = SessionStats(folder: "f", sessions: fromEvents, skipped: [])
        #expect(SessionStats(folder: "f", sessions: fromSummaries, skipped: []) == expected)
        #expect(expected.banks.map(\.title) == ["Machine learning engineer", "Report fixture", "Small"])

        // And through the folder, as `interview stats` reads it.
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in sessions { try data.write(to: folder.appendingPathComponent(name)) }
        let loaded = try SessionStats.load(folder: folder)
        #expect(loaded.skipped.isEmpty)
        #expect(loaded == SessionStats(folder: folder.path, sessions: fromEvents, skipped: []))
    }

    /// Saved between two milliseconds with the question clock running: `clockSeconds`
    /// is rounded to the millisecond, and the summary's times must be those a report
    /// computes at that rounded clock (12.9996 s would be 12 whole seconds, 13.000 s is 13).
    /// `stats` builds its report of the summary without the evidence check (`StatsSession`
    /// keeps none of it): the facts it keeps are still those of the whole file's report.
    @Test func statsKeepsTheFactsOfTheWholeReport() throws {
        for (name, data) in try Self.savedSessions() {
            let whole = StatsSession(SessionReport(try SessionFile.decode(data, file: name), file: name))
            #expect(try StatsSession.read(name, data: data, name: name) == whole, "\(name)")
        }
    }

    @Test func aSaveBetweenTwoMillisecondsAgreesWithTheEvents() throws {
        let engine = Fixtures.engine(try Fixtures.smallBank())
        let file = engine.snapshot(at: 12.9996)
        #expect(file.clockSeconds == 13)
        #expect(file.questions[0].elapsedSeconds == 13)
        #expect(file.totalSeconds == 13)
        let (events, summary) = try both(try file.checkedEncoding())
        #expect(events.questions[0].elapsedSeconds == 13)
        #expect(summary == events)
    }

    /// A file from before the summary carried `totalSeconds` is read from its events.
    @Test func aFileWithoutTheTotalIsReadFromItsEvents() throws {
        let golden = try ReportFixtures.goldenSession()
        var old = golden
        old.totalSeconds = nil
        let data = try old.checkedEncoding()
        #expect(!String(decoding: data, as: UTF8.self).contains("totalSeconds"))
        let (events, summary) = try both(data)
        #expect(summary == nil)
        #expect(try SessionStats.report("x.json", data: data, name: "x.json") == events)
        #expect(events.totalSeconds == golden.totalSeconds, "490 s: 560 less the 70 s pause")
        #expect(events.totalSeconds == 490)
    }

    /// What `SessionFile.decode` refuses, the summary refuses with the same error; what it
    /// reads, the summary reads as the same report.
    @Test func refusesWhatTheWholeFileRefusesWithTheSameError() throws {
        let good = String(decoding: try ReportFixtures.goldenSession().checkedEncoding(), as: UTF8.self)
        func replacing(_ old: String, _ new: String) -> String {
            precondition(good.contains(old), old)
            return good.replacingOccurrences(of: old, with: new)
        }
        var variants = [
            replacing("\"version\" : 2", "\"version\" : 3"),
            replacing("\"version\" : 2", "\"version\" : 0"),
            replacing("\"version\" : 2", "\"version\" : 1.5"),
            replacing("\"format\" : \"interview-session\"", "\"format\" : \"other\""),
            replacing("\"format\" : \"interview-session\",", ""),
            replacing("\"clockSeconds\" : 560", "\"clockSeconds\" : \"560\""),
            replacing("\"totalSeconds\" : 490", "\"totalSeconds\" : 490.5"),
            replacing("\"mode\" : \"live\"", "\"mode\" : \"dream\""),
            replacing("\"status\" : \"completed\",", ""),
            replacing("\"whyAsk\"", "\"whyAsked\""),
            replacing("\"checked\" : true", "\"checked\" : 1"),
            replacing("\"id\" : \"5f0c2a9e-golden\",", "\"id\" : \"a\", \"id\" : \"b\","),
            replacing("\"clockSeconds\"", "\"future\" : [1, {\"a\" : null}, true], \"clockSeconds\""),
            String(good.dropLast(40)),
            good + "x",
            "[" + good + "]",
            "",
            "{}",
        ]
        for number in ["0", "-0", "61.5", "1e-7", "1E+2", "12345678901234567890", "3.141592653589793238"] {
            variants.append(replacing("\"clockSeconds\" : 560", "\"clockSeconds\" : \(number)"))
        }
        var datas = variants.map { Data($0.utf8) }
        var invalid = Data(good.utf8)
        invalid[try #require(invalid.firstRange(of: Data("Lovelace".utf8))).lowerBound] = 0xFF
        datas.append(invalid)
        var refused = 0
        for data in datas {
            let summary = Result(catching: { () throws(InputError) -> SessionSummary in try SessionSummary.decode(data, file: "x.json") })
            do throws(InputError) {
                let file = try SessionFile.decode(data, file: "x.json")
                let report = try summary.get()
                #expect(SessionReport(report, file: "x.json") == SessionReport(file, file: "x.json"))
            } catch {
                refused += 1
                #expect(throws: error) { try summary.get() }
            }
        }
        #expect(refused >= 17)
    }

    /// The summary reads the events lightly (all but the text of their notes lines), with
    /// the range checks of the whole file: `stats` refuses what `report` refuses, with the
    /// same error. The one thing it does not read is a notes line's text.
    @Test func theEventsAreCheckedAsReportChecksThem() throws {
        let good = String(decoding: try ReportFixtures.goldenSession().checkedEncoding(), as: UTF8.self)
        for (from, to) in [("\"type\" : \"started\"", "\"type\" : \"begun\""), ("\"at\" : 0,", "\"at\" : 1e300,"),
                           ("\"at\" : 0,", "\"at\" : -1e300,"), ("\"at\" : 0,", "\"at\" : 1e19,")] {
            let data = Data(good.replacingOccurrences(of: from, with: to).utf8)
            let error = try #require(throws: InputError.self) { try SessionFile.decode(data, file: "x.json") }
            #expect(throws: error) { try SessionSummary.decode(data, file: "x.json") }
        }
    }
}
