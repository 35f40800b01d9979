import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// `interview stats` as a table, CSV and JSON; per interviewer and per question; its
/// filters; sessions in which nothing was recorded left out.
@Suite struct StatsOutputTests {
    static func stats(_ filter: StatsFilter = StatsFilter()) throws -> SessionStats {
        let skipped = [InputError(file: "sessions/z-broken.json", line: 4, column: 9, message: "invalid JSON: expected a complete session file")]
        return SessionStats(folder: "sessions", sessions: try LoopFixtures.statsSessions(), skipped: skipped, filter: filter)
    }

    // MARK: - The figures

    @Test func sessionsWithNothingRecordedAreLeftOutAndCountedApart() throws {
        let stats = try Self.stats()
        #expect(stats.nothingRecorded == 1)
        #expect(!stats.sessions.map(\.file).contains("d-grace-empty.json"))
        #expect(stats.sessions.map(\.file) == ["a-grace-ada.json", "b-alan-ada.json", "c-grace-bob.json", "e-practice.json", "f-alan-dan.json"])
        #expect(stats.render().hasPrefix("5 sessions in sessions (1 file skipped; 1 with nothing recorded left out)\n"))
        // Time alone is not a record; a note alone is.
        let reports = try LoopFixtures.statsSessions()
        #expect(reports.map(\.recordedAnything) == [true, true, true, false, true, true])
    }

    @Test func perInterviewer() throws {
        let stats = try Self.stats()
        #expect(stats.interviewers.map(\.title) == ["Ada Lovelace (practice)", "Alan Turing", "Grace Hopper"])
        let alan = stats.interviewers[1], grace = stats.interviewers[2]
        #expect(grace.sessions == 2, "the empty session is not counted")
        #expect(grace.recommendations == [0, 0, 1, 0, 1, 0], "1–4, no decision, then none")
        #expect(grace.rated == 6)
        #expect(grace.averageRating == 3)
        #expect(grace.questionsAsked == 6, "a skipped question is not asked")
        #expect(grace.questionsPerInterview == 3)
        #expect(grace.questionsOverBudget == 3, "200 of 180, 190 of 180, 400 of 300")
        #expect(alan.recommendations == [0, 1, 0, 0, 0, 1])
        #expect(alan.questionsAsked == 4)
        #expect(alan.questionsOverBudget == 1)
        #expect(RecommendationColumn.all.map(\.key) == ["1", "2", "3", "4", "noDecision", "none"])
    }

    @Test func perQuestion() throws {
        let stats = try Self.stats()
        #expect(stats.banks.map(\.title) == ["Report fixture", "Report fixture (practice)"])
        let live = stats.banks[0]
        #expect(live.sessions == 4)
        let overfitting = live.questions[0]
        #expect(overfitting.asked == 4)
        #expect(overfitting.skipped == 0)
        #expect(overfitting.overBudget == 2)
        #expect(overfitting.ratingCounts == [1, 2, 1, 0])
        #expect(overfitting.rubric.map(\.text) == ["Defines overfitting", "Train vs validation gap", "Names a remedy (`dropout`, early stopping)"])
        #expect(overfitting.rubric.map(\.ticked) == [2, 1, 1])
        #expect(overfitting.rubric.map(\.asked) == [4, 4, 4])
        #expect(overfitting.rubric[0].hitRate == 0.5)
        let biasVariance = live.questions[1]
        #expect(biasVariance.asked == 3)
        #expect(biasVariance.skipped == 1)
        #expect(biasVariance.ratingCounts == [0, 1, 0, 1])
        #expect(biasVariance.rubric.map(\.ticked) == [1, 2])
        #expect(biasVariance.rubric.map(\.asked) == [3, 3], "a skipped question's rubric is not counted")
        #expect(live.questions[3].asked == 1)
        #expect(live.questions[3].sessions == 4)
    }

    @Test func aChangedRubricKeepsEveryItem() throws {
        var older = try LoopFixtures.statsSessions()[0]
        older.questions[0].rubric[1].text = "An item the bank no longer has"
        let newer = try LoopFixtures.statsSessions()[1]
        let stats = SessionStats(folder: "f", sessions: [newer, older], skipped: [])
        let items = stats.banks[0].questions[0].rubric
        #expect(items.map(\.text) == ["Defines overfitting", "Train vs validation gap", "Names a remedy (`dropout`, early stopping)",
                                      "An item the bank no longer has"])
        #expect(items.map(\.asked) == [2, 1, 2, 1])
    }

    // MARK: - Filters

    @Test func filters() throws {
        func files(_ filter: StatsFilter) throws -> [String] { try Self.stats(filter).sessions.map(\.file) }
        #expect(try files(StatsFilter(interviewer: "grace")) == ["a-grace-ada.json", "c-grace-bob.json"])
        #expect(try files(StatsFilter(interviewer: "Grace Hopper")) == ["a-grace-ada.json", "c-grace-bob.json"])
        #expect(try files(StatsFilter(interviewer: "HOPPER")) == ["a-grace-ada.json", "c-grace-bob.json"])
        #expect(try files(StatsFilter(interviewer: "gra")).isEmpty, "whole words only")
        #expect(try files(StatsFilter(interviewer: "Hopper Grace")).isEmpty, "in order")
        #expect(try files(StatsFilter(candidate: "ada lovelace")) == ["a-grace-ada.json", "b-alan-ada.json", "e-practice.json"])
        #expect(try files(StatsFilter(candidate: "Lovelace", mode: .live)) == ["a-grace-ada.json", "b-alan-ada.json"])
        #expect(try files(StatsFilter(mode: .practice)) == ["e-practice.json"])
        // Days are UTC and both ends are included: day 1 is 2027-01-16, day 2 2027-01-17.
        #expect(try files(StatsFilter(since: "2027-01-16", until: "2027-01-17")) == ["b-alan-ada.json", "c-grace-bob.json"])
        #expect(try files(StatsFilter(since: "2027-01-19")) == ["e-practice.json", "f-alan-dan.json"])
        #expect(try files(StatsFilter(until: "2027-01-15")) == ["a-grace-ada.json"])
        #expect(try files(StatsFilter(bank: "Report fixture")).count == 5)
        #expect(try files(StatsFilter(bank: "report FIXTURE")).count == 5)
        #expect(try files(StatsFilter(bank: "fixture")).count == 5, "the bank's name: its file without .md")
        #expect(try files(StatsFilter(bank: "fixture.md")).count == 5, "its source")
        #expect(try files(StatsFilter(bank: "machine-learning")).isEmpty)

        let filtered = try Self.stats(StatsFilter(interviewer: "grace", since: "2027-01-15"))
        #expect(filtered.filteredOut == 3)
        #expect(filtered.nothingRecorded == 1, "the empty session matches the filter, and is left out apart")
        #expect(filtered.interviewers.map(\.name) == ["Grace Hopper"])
        let text = filtered.render()
        #expect(text.hasPrefix("2 sessions in sessions (1 file skipped; 1 with nothing recorded left out)\nFilter: interviewer grace, since 2027-01-15 (3 sessions left out)\n\n"), "\(text)")
        let none = try Self.stats(StatsFilter(candidate: "nobody"))
        #expect(none.render() == "No sessions in sessions (1 file skipped).\nFilter: candidate nobody (6 sessions left out)\n")
    }

    @Test func aBadDateIsAnErrorAtItsColumn() {
        func error(_ since: String?, _ until: String? = nil) -> InputError? {
            do throws(InputError) {
                _ = try StatsFilter(since: since, until: until)
                return nil
            } catch {
                return error
            }
        }
        #expect(error("2027-01-15") == nil)
        #expect(error("2024-02-29") == nil, "a leap day")
        let cases: [(String, String, Int)] = [("2027-1-15", "--since", 7), ("2027/01/15", "--since", 5), ("", "--since", 1),
                                              ("2027-13-01", "--since", 6), ("2027-02-29", "--since", 9),
                                              ("2027-01-15T00:00", "--since", 11), ("tomorrow", "--since", 1), ("7y", "--since", 2)]
        for (text, option, column) in cases {
            let e = error(text)
            #expect(e?.file == option && e?.line == 1 && e?.column == column, "\(text): \(String(describing: e))")
            #expect(e?.message.contains("expected a date as YYYY-MM-DD") == true)
        }
        #expect(error("2027-01-15", "2027-01-15") == nil, "one day")
        let backwards = error("2027-01-16", "2027-01-15")
        #expect(backwards?.description == "--until: 2027-01-15 is before --since 2027-01-16: expected a day on or after it")
        #expect(error(nil, "2027-01-32")?.description.hasPrefix("--until: '2027-01-32': no day 32 in 2027-01") == true)
    }

    // MARK: - Golden files

    @Test func tableGolden() throws {
        assertGolden(try Self.stats().render(.table), named: "stats.txt")
        assertGolden(try Self.stats().render(.table, questions: true), named: "stats-questions.txt")
    }

    @Test func csvGolden() throws {
        assertGolden(try Self.stats().render(.csv), named: "stats.csv")
        assertGolden(try Self.stats().render(.csv, questions: true), named: "stats-questions.csv")
    }

    @Test func jsonGolden() throws {
        assertGolden(try Self.stats(StatsFilter(until: "2027-12-31")).render(.json), named: "stats.json")
    }

    // MARK: - Machine-readable as promised

    @Test func jsonHasSessionsAndQuestions() throws {
        let text = try Self.stats().render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "interview-stats")
        #expect(object["version"] as? Int == 1)
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.count == 5)
        #expect(sessions[0]["interviewer"] as? String == "Grace Hopper")
        #expect(sessions[3]["recommendation"] is NSNull, "a missing value is null, not absent")
        #expect(sessions[2]["recommendation"] as? String == "noDecision", "no decision: one word in every JSON")
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.count == 8, "4 questions, live and practice")
        #expect(questions[0]["ratings"] as? [String: Int] == ["1": 1, "2": 2, "3": 1, "4": 0])
        let rubric = try #require(questions[0]["rubric"] as? [[String: Any]])
        #expect(rubric[0]["hitRate"] as? Double == 0.5)
        #expect(object["nothingRecorded"] as? Int == 1)
        let interviewers = try #require(object["interviewers"] as? [[String: Any]])
        #expect(interviewers.last?["recommendations"] as? [String: Int] == ["1": 0, "2": 0, "3": 1, "4": 0, "noDecision": 1, "none": 0])
    }

    /// The CSV as Python's csv module reads it: the header's columns, a row per session
    /// (per question with `--questions`), the quoted name whole, the formula defused.
    @Test func pythonReadsTheCSV() throws {
        let stats = try Self.stats()
        guard let sessions = try Self.readWithPython(stats.render(.csv)) else { return }
        #expect(sessions.first == SessionStats.sessionColumns)
        #expect(sessions.count == 6, "a header and 5 sessions")
        #expect(sessions.allSatisfy { $0.count == SessionStats.sessionColumns.count })
        let bob = try #require(sessions.first { $0[0] == "c-grace-bob.json" })
        #expect(bob[2] == "'=Bob \"Bobby\" Tables, Jr.", "quoted whole; a leading = defused")
        #expect(bob[3] == "Grace Hopper")
        #expect(bob[8] == "noDecision", "no decision, as every JSON says it")
        #expect(bob[11] == "3")

        let questions = try #require(try Self.readWithPython(stats.render(.csv, questions: true)))
        #expect(questions.first == SessionStats.questionColumns)
        #expect(questions.count == 9, "a header and 8 questions")
        #expect(questions.allSatisfy { $0.count == SessionStats.questionColumns.count })
        #expect(questions[1][4] == "What is overfitting, and how do you *prevent* it?")
        #expect(questions[1][11...14] == ["1", "2", "1", "0"])
        #expect(questions[1][18] == "0.50;0.25;0.25")
    }

    /// The rows of `csv` as `python3 -c 'csv.reader'` gives them, or nil (and a message)
    /// where python3 is not installed.
    static func readWithPython(_ csv: String) throws -> [[String]]? {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
                ?? which("python3") else {
            print("python3 is not installed: the CSV was not read by Python's csv module")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import csv, io, json, sys; rows = csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline='')); print(json.dumps(list(rows)))"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(csv.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
