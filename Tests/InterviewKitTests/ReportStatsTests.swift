import Foundation
import Testing
import InterviewSamples
@testable import InterviewKit

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
            try file.encoded().write(to: folder.appendingPathComponent(name))
        }
        var corrupt = try sessions[0].1.encoded()
        corrupt.removeLast(corrupt.count / 2)
        try corrupt.write(to: folder.appendingPathComponent("d-corrupt.json"))
        var newer = String(decoding: try sessions[1].1.encoded(), as: UTF8.self)
        newer = newer.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")
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
            try file.encoded().write(to: folder.appendingPathComponent(String(format: "session-%04d.json", index)))
        }
        let stats = try SessionStats.load(folder: folder)
        #expect(stats.sessions.count == 40)
        #expect(stats.skipped.isEmpty)
        #expect(stats.render().contains("Machine learning"))
    }
}

/// The fast reader of `stats` must give what `SessionStore.read` gives, or step aside.
@Suite struct ReportFastReaderTests {
    func both(_ data: Data) -> (fast: SessionFile?, slow: Result<SessionFile, InputError>) {
        let slow: Result<SessionFile, InputError>
        do throws(InputError) {
            slow = .success(try SessionFile.decode(data, file: "x.json"))
        } catch {
            slow = .failure(error)
        }
        return (SessionFastReader.decode(data), slow)
    }

    @Test func agreesOnRealisticSessions() throws {
        let bank = try BankLoader.load("machine-learning")
        var rng = SeededRandom(seed: 7)
        var files = [try ReportFixtures.goldenSession()]
        for index in 0..<20 { files.append(SampleSessions.interview(bank: bank, index: index, rng: &rng)) }
        // Odd but valid: unrounded times, escapes of every kind, an in-progress session.
        var odd = files[0]
        odd.events.append(SessionEvent(at: 561, type: .notesEdited, question: 0, from: 0, removed: 0,
                                       lines: [NoteLine(at: 0.1 + 0.2, text: "\u{0}\u{1F}\u{7F}\u{9B} \\ \" / 𝄞 é \u{2028}")]))
        odd.endedAt = nil
        odd.recommendation = nil
        odd.clockSeconds = 1e-7
        files.append(odd)
        for file in files {
            let (fast, slow) = both(try file.encoded())
            #expect(fast != nil, "a plain session takes the fast path")
            #expect(fast == (try? slow.get()))
        }
    }

    @Test func stepsAsideOnAnythingElse() throws {
        let good = String(decoding: try ReportFixtures.goldenSession().encoded(), as: UTF8.self)
        let variants = [
            good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2"),
            good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 1.0"),
            good.replacingOccurrences(of: "\"format\" : \"interview-session\"", with: "\"format\" : \"other\""),
            good.replacingOccurrences(of: "\"clockSeconds\" : 560", with: "\"clockSeconds\" : \"560\""),
            good.replacingOccurrences(of: "\"mode\" : \"live\"", with: "\"mode\" : \"dream\""),
            good.replacingOccurrences(of: "\"status\" : \"completed\",", with: ""),
            good.replacingOccurrences(of: "\"id\" : \"5f0c2a9e-golden\",", with: "\"id\" : \"a\", \"id\" : \"b\","),
            good.replacingOccurrences(of: "\"type\" : \"started\"", with: "\"type\" : \"started\", \"type\" : \"ended\""),
            String(good.dropLast(40)),
            good + "x",
            "[" + good + "]",
        ]
        for text in variants {
            let (fast, slow) = both(Data(text.utf8))
            #expect(fast == nil || fast == (try? slow.get()))
        }
        for number in ["0", "-0", "5", "0.1", "0.25", "61.5", "123.456", "-7.125", "999999999999999.9", "0.000000000000001",
                       "0.30000000000000004", "1e-7", "1E+2", "12345678901234567890", "3.141592653589793238"] {
            let text = good.replacingOccurrences(of: "\"clockSeconds\" : 560", with: "\"clockSeconds\" : \(number)")
            let (fast, slow) = both(Data(text.utf8))
            #expect(fast != nil && fast == (try? slow.get()), "\(number)")
        }
        var invalid = Data(good.utf8)
        invalid[invalid.count / 2] = 0xFF
        #expect(SessionFastReader.decode(invalid) == nil)
        // What it accepts, the decoder accepts identically.
        let ignored = good.replacingOccurrences(of: "\"clockSeconds\"", with: "\"future\" : [1, {\"a\" : null}, true], \"clockSeconds\"")
        let (fast, slow) = both(Data(ignored.utf8))
        #expect(fast != nil && fast == (try? slow.get()))
    }
}
