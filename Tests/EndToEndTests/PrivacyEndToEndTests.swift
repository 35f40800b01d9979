import Foundation
import Testing
import InterviewCore
import InterviewStore
import InterviewPrivacy

/// purge, forget, anonymize and redact on a folder of sessions spread over two years,
/// as a person runs them (docs/privacy.md).
@Suite("Privacy commands", .serialized)
struct PrivacyEndToEndTests {
    static let bankText = """
    ---
    title: Privacy bank
    duration: 10m
    ---
    ## What is overfitting?
    time: 2m
    ### Expected answer
    Fitting noise.
    ### Rubric
    - [ ] Defines it
    - [ ] Names a remedy

    ## What is a validation set?
    time: 1m
    ### Expected answer
    Held out data.
    """

    /// A scratch with a data folder of sessions, and helpers to look at every byte in it.
    final class Archive {
        let scratch: CLITests.Scratch
        let store: SessionStore
        let now = Date()

        init() throws {
            scratch = try CLITests.Scratch()
            store = SessionStore.standard(environment: scratch.environment)
            try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        }

        /// The XDG folders, and a home of its own (where rescue copies go).
        var environment: [String: String] { scratch.environment.merging(["HOME": scratch.url.path, "TMPDIR": scratch.url.path]) { $1 } }
        var dataFolder: URL { store.folder.deletingLastPathComponent() }
        var recordFile: URL { dataFolder.appendingPathComponent("reports-written") }

        /// A completed session of `candidate` started `daysAgo` days ago, named as the program
        /// names it (or saved at `outside`, remembered as `run --out` does).
        @discardableResult
        func session(_ candidate: String, daysAgo: Double, rating: Int, notes: [String] = [], outside: URL? = nil) throws -> String {
            let bank = try BankParser.parse(bytes: Array(PrivacyEndToEndTests.bankText.utf8), file: "privacy.md")
            let start = now.addingTimeInterval(-daysAgo * 86_400)
            var engine = SessionEngine(bank: bank, id: UUID().uuidString.lowercased(), candidate: candidate,
                                       interviewer: "Interviewer I", startedAt: start)
            engine.perform(.toggleRubric(0), at: 10)
            var t = 20.0
            var lines: [NoteLine] = []
            for text in notes {
                // Typed in bursts, as the screen records them: half a line, then the whole.
                lines.append(NoteLine(at: t - 10, text: String(text.prefix(text.count / 2))))
                engine.perform(.setNotes(lines), at: t)
                lines[lines.count - 1].text = text
                engine.perform(.setNotes(lines), at: t + 1)
                t += 10
            }
            engine.perform(.rate(rating), at: 100)
            engine.perform(.next, at: 150)
            engine.perform(.rate(5 - rating), at: 200)
            engine.perform(.wrapUp, at: 210)
            engine.perform(.recommend(rating), at: 220)
            engine.perform(.setClosingNotes([NoteLine(at: 5, text: "closing words on \(candidate)")]), at: 225)
            engine.perform(.end, at: 230)
            engine.markEnded(now: start.addingTimeInterval(230))
            return try store.save(engine, at: 230, candidate: candidate, startedAt: start, outside: outside)
        }

        /// Ten sessions over two years, three of them Ada Lovelace's (one saved with --out).
        func twoYears() throws -> [String: String] {
            var paths: [String: String] = [:]
            paths["ada-720"] = try session("Ada Lovelace", daysAgo: 720, rating: 3, notes: ["mentions Acme Corp", "good"])
            paths["alan-650"] = try session("Alan Turing", daysAgo: 650, rating: 4)
            paths["grace-540"] = try session("Grace Hopper", daysAgo: 540, rating: 2, notes: ["compilers"])
            paths["byron-420"] = try session("Ada Byron", daysAgo: 420, rating: 1)
            paths["edsger-370"] = try session("Edsger Dijkstra", daysAgo: 370, rating: 3)
            paths["ada-300"] = try session("Ada Lovelace", daysAgo: 300, rating: 4, notes: ["notes on Ada's engine"])
            paths["grace-200"] = try session("Grace Hopper", daysAgo: 200, rating: 3, notes: ["COBOL", "Grace explained it"])
            paths["edsger-90"] = try session("Edsger Dijkstra", daysAgo: 90, rating: 2)
            paths["ada-30"] = try session("Ada Lovelace", daysAgo: 30, rating: 3,
                                          outside: scratch.url.appendingPathComponent("elsewhere/ada.json"))
            paths["barbara-2"] = try session("Barbara Liskov", daysAgo: 2, rating: 4)
            return paths
        }

        /// A report written by the program, recorded in reports-written as `report -o` records it.
        func report(_ session: String, as name: String, format: String = "markdown") throws -> String {
            let folder = scratch.url.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent(name).path
            let result = try Binary.run(["report", session, "--format", format, "-o", path], environment: environment)
            #expect(result.status == 0, "report: \(result.stderr)")
            try record(path)
            return path
        }

        func record(_ path: String) throws {
            let old = (try? String(contentsOf: recordFile, encoding: .utf8)) ?? ""
            try SessionStore.writeAtomically(Data((old + path + "\n").utf8), to: recordFile)
        }

        /// Every file under the scratch folder and its bytes.
        func files() -> [String: Data] {
            var out: [String: Data] = [:]
            let root = scratch.url
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { return out }
            for case let relative as String in walker {
                let path = root.appendingPathComponent(relative).path
                if SessionStore.isRegularFile(path) { out[path] = FileManager.default.contents(atPath: path) }
            }
            return out
        }

        func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Binary.Output {
            try Binary.run(arguments, environment: environment.merging(extra) { $1 })
        }

        func config(_ text: String) throws {
            let folder = URL(fileURLWithPath: environment["XDG_CONFIG_HOME"]!).appendingPathComponent("interview")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("config.toml"))
        }
    }

    /// Files that changed between two listings (present in both with other bytes).
    static func changed(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
    }

    @Test func purgeListsWithoutYesAndDeletesWithIt() throws {
        let archive = try Archive()
        let paths = try archive.twoYears()
        let oldReport = try archive.report(paths["grace-540"]!, as: "grace.md")
        let newReport = try archive.report(paths["grace-200"]!, as: "grace-new.html", format: "html")
        let moved = archive.scratch.url.appendingPathComponent("reports/moved.md").path
        try archive.record(moved)
        // A recorded path that is not a report (a record edited by hand): never deleted.
        let stranger = try archive.scratch.write("stranger.txt", "not a report\n")
        try FileManager.default.setAttributes([.modificationDate: archive.now.addingTimeInterval(-800 * 86_400)], ofItemAtPath: stranger)
        try archive.record(stranger)
        let old = ["ada-720", "alan-650", "grace-540", "byron-420", "edsger-370"].map { paths[$0]! }
        let kept = paths.filter { !["ada-720", "alan-650", "grace-540", "byron-420", "edsger-370"].contains($0.key) }.map(\.value)
        let before = archive.files()

        let listed = try archive.run(["purge", "--older-than", "365d"])
        #expect(listed.status == 0, "\(listed.stderr)")
        for path in old { #expect(listed.stdout.contains(path), "lists \(path)") }
        for path in kept { #expect(!listed.stdout.contains(path), "does not list \(path)") }
        #expect(listed.stdout.contains(oldReport) && !listed.stdout.contains(newReport))
        #expect(listed.stdout.contains("Ada Lovelace") && listed.stdout.contains(" KB "))
        #expect(listed.stdout.contains("Not found where the program wrote them") && listed.stdout.contains(moved))
        #expect(listed.stdout.contains("5 sessions and 1 report"))
        #expect(listed.stdout.contains("recorded as a report, but not one this program reads back, kept: \(stranger)"))
        #expect(listed.stdout.contains("nothing deleted. Delete them with: interview purge --older-than 365d --yes"))
        #expect(archive.files() == before, "nothing changes without --yes")

        // A session a running program holds is kept, and the command says so.
        let lock = try SessionLock(session: paths["edsger-370"]!)
        let deleted = try archive.run(["purge", "--older-than", "365d", "--yes"])
        lock.release()
        #expect(deleted.status == 1, "one session could not be deleted")
        #expect(deleted.stderr.contains("\(paths["edsger-370"]!) is open in a running interview program: not touched"))
        let after = archive.files()
        for path in old.dropLast() + [oldReport] { #expect(after[path] == nil, "deleted \(path)") }
        #expect(after[paths["edsger-370"]!] == before[paths["edsger-370"]!])
        #expect(Self.changed(before, after) == [archive.recordFile.path], "every other file is byte for byte as it was")
        for path in kept + [newReport, stranger] { #expect(after[path] == before[path]) }
        #expect(RecordedReport.recordedPaths(archive.recordFile) == [newReport, stranger],
                "the record forgets the deleted report and the one not found")
        #expect(!after.keys.contains { $0.hasSuffix(".lock") || $0.hasSuffix(".tmp") }, "no lock or temporary file left")

        // With config.toml's retention, and without any.
        try archive.config("retention = \"365d\"\n")
        let again = try archive.run(["purge", "--yes"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("5 sessions") == false && archive.files()[paths["edsger-370"]!] == nil)
        let none = try archive.run(["purge"])
        #expect(none.stdout.hasPrefix("No session is older than 365 days"), "\(none.stdout)")
        try archive.config("")
        let unset = try archive.run(["purge"])
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("no retention to purge by: expected --older-than 90d, or retention = \"180d\" in"))
        let bad = try archive.run(["purge", "--older-than", "6 months"])
        #expect(bad.status == 2 && bad.stderr.contains("interview: --older-than: bad age \"6 months\""), "\(bad.stderr)")
    }

    @Test func forgetOneCandidateAmongSeveral() throws {
        let archive = try Archive()
        let paths = try archive.twoYears()
        let adaReport = try archive.report(paths["ada-300"]!, as: "ada.md")
        let adaJSON = try archive.report(paths["ada-720"]!, as: "ada.report.json", format: "json")
        let alanReport = try archive.report(paths["alan-650"]!, as: "alan.html", format: "html")
        let moved = archive.scratch.url.appendingPathComponent("reports/moved-away.md").path
        try archive.record(moved)
        // A rescue copy of one of hers, in the home folder, as a failed save leaves it.
        let rescued = try SessionStore.read(paths["ada-300"]!)
        let rescue = try #require(SessionStore.rescue(rescued, environment: archive.environment))
        let ada = ["ada-720", "ada-300", "ada-30"].map { paths[$0]! } + [rescue]
        let before = archive.files()

        let listed = try archive.run(["forget", "ada lovelace"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("ada lovelace: 4 sessions and 2 reports\n"), "\(listed.stdout)")
        #expect(listed.stdout.contains(rescue + "  (a rescue copy)"))
        for path in ada + [adaReport, adaJSON] { #expect(listed.stdout.contains(path), "lists \(path)") }
        #expect(!listed.stdout.contains(alanReport))
        #expect(listed.stdout.contains("Similar names, left alone (add --id ID to include one):"))
        let byron = try #require(listed.stdout.split(separator: "\n").first { $0.contains("Ada Byron") })
        #expect(byron.contains(paths["byron-420"]!))
        #expect(listed.stdout.contains(moved), "says what it cannot reach")
        #expect(listed.stdout.contains("nothing deleted. Delete them with: interview forget 'ada lovelace' --yes"))
        #expect(archive.files() == before)

        let forgot = try archive.run(["forget", "Ada Lovelace", "--yes"])
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(forgot.stdout.contains("Deleted 4 sessions and 2 reports, and forgot them."))
        let after = archive.files()
        for path in ada + [adaReport, adaJSON] { #expect(after[path] == nil, "deleted \(path)") }
        #expect(!archive.store.knownPaths().contains(paths["ada-30"]!), "gone from the memory of --out files")
        #expect(RecordedReport.recordedPaths(archive.recordFile) == [alanReport])
        let shared = [archive.recordFile.path, archive.store.knownFile.path]
        #expect(Self.changed(before, after).allSatisfy(shared.contains), "\(Self.changed(before, after))")
        #expect(!after.values.contains { String(decoding: $0, as: UTF8.self).contains("Ada Lovelace") },
                "no file holds the name any more")

        // The near one, by its short id.
        let file = try SessionStore.read(paths["byron-420"]!)
        let byID = try archive.run(["forget", "--id", SessionNames.shortID(file.id), "--yes"])
        #expect(byID.status == 0, "\(byID.stderr)")
        #expect(archive.files()[paths["byron-420"]!] == nil)
        let nobody = try archive.run(["forget", "Nobody Here"])
        #expect(nobody.status == 0 && nobody.stdout.hasPrefix("Nobody Here: 0 sessions and 0 reports"))
    }

    @Test func anonymizeKeepsTheStatsAndNoName() throws {
        let archive = try Archive()
        let paths = try archive.twoYears()
        let report = try archive.report(paths["grace-200"]!, as: "grace.md")
        let stats = try archive.run(["stats"])
        #expect(stats.status == 0, "\(stats.stderr)")

        let result = try archive.run(["anonymize", "grace hopper", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("anonymized \(paths["grace-540"]!) → "))
        #expect(result.stdout.contains("deleted the report \(report)"))
        let grace = archive.store.sessionPaths().filter { $0.contains("anonymous-") }
        #expect(grace.count == 2)
        let files = archive.files()
        #expect(!files.keys.contains { $0.lowercased().contains("grace") }, "no file is named after her")
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Grace Hopper") && !text.contains("COBOL") && !text.contains("compilers"), "\(path) holds her data")
        }

        // The same figures: per question, and per session (recommendation, average, time).
        let after = try archive.run(["stats"])
        #expect(after.status == 0)
        func perQuestion(_ text: String) -> Substring { text[text.range(of: "\nPrivacy bank:")!.lowerBound...] }
        #expect(perQuestion(after.stdout) == perQuestion(stats.stdout))
        func figures(_ text: String) -> [String] {
            text.split(separator: "\n").filter { $0.contains(" completed ") }
                .map { $0.split(separator: " ", omittingEmptySubsequences: true).suffix(4).joined(separator: " ") }.sorted()
        }
        #expect(figures(after.stdout) == figures(stats.stdout))
        #expect(after.stdout.contains("anonymous-"))

        // It still reports, and does not anonymize twice.
        let anonymous = try #require(grace.first)
        let reported = try archive.run(["report", anonymous])
        #expect(reported.status == 0 && reported.stdout.contains("# Interview scorecard: anonymous-"))
        #expect(reported.stdout.contains("No closing notes."))
        let twice = try archive.run(["anonymize", anonymous, "--yes"])
        #expect(twice.status == 0 && twice.stdout.contains("note: already anonymous: "), "\(twice.stdout)")
        let unknown = try archive.run(["anonymize", "Grace Hoper"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no session of that candidate"))
    }

    @Test func redactRemovesTextFromEveryEvent() throws {
        let archive = try Archive()
        let path = try archive.session("Ada Lovelace", daysAgo: 3, rating: 3,
                                       notes: ["worked at Acme Corp on fraud", "seems nervous", "good on trees"])
        let result = try archive.run(["redact", path, "--remove", "Acme Corp"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Redacted \(path): 9 characters out of the notes"))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("Acme Corp"))
        #expect(!text.contains("Acme"), "the half-typed version (worked at Acme C…) too")
        let file = try SessionStore.read(path)
        #expect(file.events.last?.type == .redacted && file.events.last?.characters == 9)
        #expect(file.questions[0].notes.map(\.text) == ["worked at  on fraud", "seems nervous", "good on trees"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let report = try archive.run(["report", path])
        #expect(report.status == 0 && !report.stdout.contains("Acme"))

        // In an editor: a script stands for the person (delete a line, words of another).
        let edited = try archive.run(["redact", path],
                                     environment: ["VISUAL": "", "EDITOR": "sed -i -e '/seems nervous/d' -e 's/ on trees//'"])
        #expect(edited.status == 0, "\(edited.stderr)")
        text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("nervous") && !text.contains("trees"), "gone from every event")
        #expect(try SessionStore.read(path).questions[0].notes.map(\.text) == ["worked at  on fraud", "good"])
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty,
                "the edited file is removed")

        // An addition is refused, and the file is as it was.
        var saved = try Data(contentsOf: URL(fileURLWithPath: path))
        let added = try archive.run(["redact", path], environment: ["VISUAL": "", "EDITOR": "sed -i -e 's/good/good and more/'"])
        #expect(added.status == 2)
        #expect(added.stderr.contains("only removals apply") && added.stderr.contains("nothing changed"), "\(added.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == saved)
        let same = try archive.run(["redact", path], environment: ["VISUAL": "", "EDITOR": "true"])
        #expect(same.status == 0 && same.stdout.contains("Nothing taken out"))
        let absent = try archive.run(["redact", path, "--remove", "Initech"])
        #expect(absent.status == 0 && absent.stdout.contains("Not in the notes of"))
        let name = try archive.run(["redact", path, "--remove", "Lovelace"])
        #expect(name.stdout.contains("'Lovelace' is still in the candidate's name (`interview anonymize` takes it out)"), "\(name.stdout)")
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("words on Ada Lovelace"), "out of the closing notes")
        saved = try Data(contentsOf: URL(fileURLWithPath: path))

        // What was typed then deleted, all at once.
        let typed = try archive.session("Alan Turing", daysAgo: 1, rating: 2, notes: ["keeps this"])
        var alan = try SessionStore.read(typed)
        var events = Array(alan.events)
        events.append(SessionEvent(at: 229, type: .notesEdited, question: 0, from: 1, removed: 0,
                                   lines: [NoteLine(at: 30, text: "said something private")]))
        events.append(SessionEvent(at: 229.5, type: .notesEdited, question: 0, from: 1, removed: 1, lines: []))
        alan.events = EventLog(events.sorted { $0.at < $1.at })
        try SessionEngine(file: alan).snapshot(at: alan.clockSeconds).encoded().write(to: URL(fileURLWithPath: typed))
        let wiped = try archive.run(["redact", typed, "--deleted"])
        #expect(wiped.status == 0 && wiped.stdout.contains("22 characters out of the notes"), "\(wiped.stdout)\(wiped.stderr)")
        #expect(!(try String(contentsOfFile: typed, encoding: .utf8)).contains("private"))
        #expect(try SessionStore.read(typed).questions[0].notes.map(\.text) == ["keeps this"])

        // Not while a program writes it.
        let lock = try SessionLock(session: path)
        let refused = try archive.run(["redact", path, "--remove", "good"])
        lock.release()
        #expect(refused.status == 2 && refused.stderr.contains("is open in another interview program"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == saved)
    }
}

/// `run` as a person starts it, in tmux: config.toml's `file_names` and `retention`.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct PrivacyRunEndToEndTests {
    @Test func fileNamesByIdAndTheRetentionNotice() throws {
        let tmux = try Tmux()
        let config = tmux.home.appendingPathComponent("config/interview")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("file_names = \"id\"\nretention = \"30d\"\n".utf8).write(to: config.appendingPathComponent("config.toml"))
        let store = SessionStore(folder: tmux.sessions)
        let bank = try BankLoader.load("machine-learning")
        let start = Date().addingTimeInterval(-400 * 86_400)
        var old = SessionEngine(bank: bank, id: "old-session", candidate: "Old One", interviewer: "I", startedAt: start)
        old.perform(.end, at: 5)
        let oldPath = try store.createNewFile(candidate: "Old One", startedAt: start)
        try old.snapshot(at: 5).encoded().write(to: oldPath)

        try tmux.start(["run", "--now", "--candidate", "Ada Lovelace", "--interviewer", "Grace"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        let farewell = try tmux.waitFor("exit status 0")
        #expect(farewell.contains("1 session is older than the retention of 30 days (config.toml): `interview purge` lists them"))
        let files = tmux.sessionFiles().filter { $0 != oldPath }
        try #require(files.count == 1, "\(files)")
        let file = try SessionStore.read(files[0].path)
        #expect(file.candidate == "Ada Lovelace")
        #expect(files[0].lastPathComponent == SessionNames.stamp(try Date(file.startedAt, strategy: .iso8601))
                + "-" + SessionNames.shortID(file.id) + ".json")
        #expect(!files[0].lastPathComponent.contains("lovelace"), "no part of the name (\"ada\" could be hex of the id)")

        // Never on a shared screen.
        try tmux.start(["run", "--now", "--candidate", "Alan Turing", "--share"], name: "shared", reportExit: true)
        try tmux.waitFor("SHARE-SAFE", in: "shared")
        try tmux.command("q", to: "shared")
        try tmux.waitFor("The interview is not finished", in: "shared")
        try tmux.send("y", to: "shared")
        let shared = try tmux.waitFor("exit status 0", in: "shared")
        #expect(!shared.contains("older than the retention"))
    }

    /// `redact FILE` opens the notes in the editor on this terminal: vi, as a person uses it.
    @Test(.enabled(if: (try? Tmux.which("vi")) != nil, "no vi: the editor on a terminal is not tried"))
    func redactOpensTheNotesInAnEditor() throws {
        let tmux = try Tmux()
        let store = SessionStore(folder: tmux.sessions)
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "edit-me", candidate: "Ada Lovelace",
                                   interviewer: "I", startedAt: Date())
        engine.perform(.setNotes([NoteLine(at: 1, text: "keeps this")]), at: 2)
        engine.perform(.setNotes([NoteLine(at: 1, text: "keeps this"), NoteLine(at: 4, text: "said something private")]), at: 5)
        engine.perform(.setNotes([NoteLine(at: 1, text: "keeps this")]), at: 6)
        engine.perform(.end, at: 7)
        let path = try store.createNewFile(candidate: "Ada Lovelace", startedAt: Date())
        try engine.snapshot(at: 7).encoded().write(to: path)

        try tmux.start(["redact", path.path], environment: ["EDITOR": "vi", "VISUAL": ""], reportExit: true)
        try tmux.waitFor("### typed, then deleted")
        try tmux.type("/private")
        try tmux.send("Enter")
        try tmux.type("dd")
        try tmux.type(":wq")
        try tmux.send("Enter")
        let done = try tmux.waitFor("exit status 0")
        #expect(done.contains("Redacted"))
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(!text.contains("private") && text.contains("keeps this"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmux.sessions.path).filter { $0.hasPrefix(".") }.isEmpty,
                "the edited file (and the editor's swap file) are gone")
    }
}
