import Foundation
import Testing
import InterviewCore
import InterviewStore

/// One writer per session, as a person meets it: the privacy commands against a running
/// interview, an erasure while `resume` waits at its list, the sessions folder deleted
/// mid-interview, rescue copies (docs/sessions.md, docs/privacy.md).
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct LockEndToEndTests {
    /// The program's folders, and a home of its own for rescue copies.
    static func environment(_ tmux: Tmux) -> [String: String] {
        ["XDG_DATA_HOME": tmux.home.path + "/data", "XDG_CONFIG_HOME": tmux.home.path + "/config",
         "HOME": tmux.home.path, "TMPDIR": tmux.home.path]
    }

    /// An unfinished session of `candidate` in the sessions folder, started `daysAgo` days
    /// ago, with `note` on the first question.
    static func unfinished(_ tmux: Tmux, _ candidate: String, note: String, daysAgo: Double = 400,
                           id: String = UUID().uuidString.lowercased()) throws -> String {
        let start = Date().addingTimeInterval(-daysAgo * 86_400)
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: id, candidate: candidate,
                                   interviewer: "I", startedAt: start)
        engine.perform(.setNotes([NoteLine(at: 1, text: note)]), at: 2)
        let url = try SessionStore(folder: tmux.sessions).createNewFile(candidate: candidate, startedAt: start)
        try engine.snapshot(at: 2).encoded().write(to: url)
        return url.path
    }

    static func run(_ tmux: Tmux, _ arguments: [String]) throws -> Binary.Output {
        try Binary.run(arguments, environment: environment(tmux))
    }

    static func notes(_ path: String) throws -> [String] {
        try SessionStore.read(path).questions.flatMap { $0.notes.map(\.text) }
    }

    @Test func eachPrivacyCommandLeavesARunningInterviewAlone() throws {
        let tmux = try Tmux()
        let path = try Self.unfinished(tmux, "Ada Lovelace", note: "secret words")
        try tmux.start(["resume", path], environment: Self.environment(tmux), reportExit: true)
        try tmux.waitFor("✓ saved")
        let lockFile = SessionLock.lockPath(for: path)
        let refusals: [([String], Int32, String)] = [
            (["redact", path, "--remove", "secret"], 2, "is open in another interview program"),
            (["anonymize", path, "--yes"], 1, "is open in a running interview program: not touched"),
            (["anonymize", "Ada Lovelace", "--yes"], 1, "is open in a running interview program: not touched"),
            (["forget", "Ada Lovelace", "--yes"], 1, "is open in a running interview program: not touched"),
            (["purge", "--older-than", "30d", "--yes"], 1, "is open in a running interview program: not touched"),
        ]
        for (arguments, status, message) in refusals {
            let refused = try Self.run(tmux, arguments)
            #expect(refused.status == status && refused.stderr.contains(message), "\(arguments): \(refused.stdout)\(refused.stderr)")
            #expect(FileManager.default.fileExists(atPath: lockFile), "\(arguments) removed the running program's lock file")
            #expect(SessionLock.isHeld(session: path), "after \(arguments)")
            #expect(try Self.notes(path) == ["secret words"], "after \(arguments)")
        }
        // The running program still holds the session: a second one is refused.
        try tmux.start(["resume", path], name: "second", width: 300, environment: Self.environment(tmux), reportExit: true)
        let second = try tmux.waitFor("exit status", in: "second")
        #expect(second.contains("exit status 2") && second.contains("is open in another interview program"), "\(second)")

        // Its next save lands where it was, with everything in it.
        kill(try tmux.programPid(), SIGTERM)
        try tmux.waitFor("exit status 1")
        #expect(tmux.sessionFiles().map(\.path) == [path], "no other file beside it (no anonymous copy)")
        let file = try SessionStore.read(path)
        #expect(file.candidate == "Ada Lovelace" && file.status == .interrupted)
        #expect(try Self.notes(path) == ["secret words"])
        #expect(!FileManager.default.fileExists(atPath: lockFile), "the holder removes its lock file on the way out")
    }

    /// The number `resume`'s list gives the session at `path`.
    static func number(of path: String, in screen: String) throws -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let line = try #require(screen.split(separator: "\n").first { $0.contains(name) }, "\(name) not listed:\n\(screen)")
        return String(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }

    @Test func anErasureWhileResumeWaitsAtItsListStands() throws {
        let tmux = try Tmux()
        let ada = try Self.unfinished(tmux, "Ada Lovelace", note: "about Ada")
        let bob = try Self.unfinished(tmux, "Bob Byron", note: "about Bob")
        let cleo = try Self.unfinished(tmux, "Cleo Curie", note: "a secret of Cleo")
        let windows = ["forgotten", "anonymized", "redacted"]
        for window in windows {
            try tmux.start(["resume"], name: window, width: 250, environment: Self.environment(tmux), reportExit: true)
        }
        var lists: [String] = []
        for window in windows { lists.append(try tmux.waitFor("Which one?", in: window)) }

        let forgot = try Self.run(tmux, ["forget", "Ada Lovelace", "--yes"])
        #expect(forgot.status == 0, "\(forgot.stderr)")
        let anonymized = try Self.run(tmux, ["anonymize", "Bob Byron", "--yes"])
        #expect(anonymized.status == 0, "\(anonymized.stderr)")
        let redacted = try Self.run(tmux, ["redact", cleo, "--remove", "secret"])
        #expect(redacted.status == 0, "\(redacted.stderr)")

        for (window, (path, list)) in zip(windows, zip([ada, bob, cleo], lists)) {
            try tmux.send(try Self.number(of: path, in: list), to: window)
            try tmux.send("Enter", to: window)
        }
        for window in windows.prefix(2) {
            let gone = try tmux.waitFor("exit status", in: window)
            #expect(gone.contains("exit status 2") && gone.contains("no such file"), "\(gone)")
        }
        try tmux.waitFor("✓ saved", in: "redacted")
        kill(try tmux.programPid("redacted"), SIGTERM)
        try tmux.waitFor("exit status 1", in: "redacted")

        let names = tmux.sessionFiles().map(\.lastPathComponent)
        #expect(!FileManager.default.fileExists(atPath: ada) && !FileManager.default.fileExists(atPath: bob), "\(names)")
        #expect(names.count == 2 && names.contains { $0.contains("anonymous-") }, "\(names)")
        // Not "ada": a random hex id (anonymous-d3784ada) may hold it.
        #expect(!names.contains { $0.contains("lovelace") || $0.contains("byron") }, "\(names)")
        #expect(try Self.notes(cleo) == ["a  of Cleo"], "the resumed session keeps the redaction")
    }

    @Test func theSessionsFolderDeletedMidInterviewIsMadeAgainWithItsLock() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--now", "--candidate", "Del Eted"], environment: Self.environment(tmux), reportExit: true)
        try tmux.waitFor("✓ saved")
        let path = try #require(tmux.sessionFiles().first).path
        try FileManager.default.removeItem(at: tmux.sessions)
        // The next save (at most a heartbeat away) makes the folder, the lock and the file again.
        #expect(tmux.waitUntil(timeout: 20) { FileManager.default.fileExists(atPath: path) })
        #expect(SessionLock.isHeld(session: path), "the lock went with the folder and was not taken again")
        try tmux.start(["resume", path], name: "second", width: 300, environment: Self.environment(tmux), reportExit: true)
        let second = try tmux.waitFor("exit status", in: "second")
        #expect(second.contains("exit status 2") && second.contains("is open in another interview program"), "\(second)")
        kill(try tmux.programPid(), SIGTERM)
        try tmux.waitFor("exit status 1")
        #expect(try SessionStore.read(path).candidate == "Del Eted")
    }

    @Test func runOutIsRecordedOnlyOnceItsLockIsTaken() throws {
        let tmux = try Tmux()
        let out = tmux.home.appendingPathComponent("elsewhere/taken.json").path
        try FileManager.default.createDirectory(atPath: tmux.home.appendingPathComponent("elsewhere").path,
                                                withIntermediateDirectories: true)
        let holder = try SessionLock(session: out)
        defer { holder.release() }
        try tmux.start(["run", "--now", "--candidate", "Ada", "--out", out], width: 300, environment: Self.environment(tmux), reportExit: true)
        let refused = try tmux.waitFor("exit status")
        #expect(refused.contains("exit status 2") && refused.contains("is open in another interview program"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: out), "the file made for it goes")
        #expect(SessionStore(folder: tmux.sessions).knownPaths().isEmpty, "recorded though it never ran")
    }

    /// `--out` naming a link to nothing passes the look before the screen (no file is
    /// there) but not the exclusive create once the first frame is up: still the user's
    /// input to fix, exit 2, the link left as it was.
    @Test func runOutAtALinkToNothingIsRefusedAsAFileThatIsThere() throws {
        let tmux = try Tmux()
        let out = tmux.home.appendingPathComponent("link.json").path
        let target = tmux.home.appendingPathComponent("gone/session.json").path
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: target)
        try tmux.start(["run", "--now", "--candidate", "Ada", "--out", out], width: 300, environment: Self.environment(tmux), reportExit: true)
        let refused = try tmux.waitFor("exit status")
        #expect(refused.contains("exit status 2") && refused.contains("\(out): already exists"), "\(refused)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out) == target)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(SessionStore(folder: tmux.sessions).knownPaths().isEmpty, "recorded though it never ran")
    }

    @Test func resumeListsARescueCopyAndSavesItBackToItsOwnFile() throws {
        let tmux = try Tmux()
        let id = UUID().uuidString.lowercased()
        let own = try Self.unfinished(tmux, "Ada Lovelace", note: "before the disk filled", id: id)
        // Later work, which the full disk sent to the rescue copy.
        var engine = SessionEngine(file: try SessionStore.read(own))
        engine.perform(.setNotes([NoteLine(at: 1, text: "before the disk filled"), NoteLine(at: 3, text: "rescued")]), at: 4)
        let rescue = tmux.home.appendingPathComponent("interview-rescue-\(id).json").path
        try engine.snapshot(at: 4).encoded().write(to: URL(fileURLWithPath: rescue))

        // The stale file, resumed by name: a warning, and the copy stays.
        try tmux.start(["resume", own], width: 250, environment: Self.environment(tmux), reportExit: true)
        try tmux.waitFor("a rescue copy of this session")
        kill(try tmux.programPid(), SIGTERM)
        let stale = try tmux.waitFor("exit status 1")
        #expect(stale.contains("a rescue copy of this session, written when this file could not be saved, may hold later work"))
        #expect(FileManager.default.fileExists(atPath: rescue))

        // Listed, and chosen: saved back to its own file, then removed.
        try tmux.start(["resume"], name: "list", width: 250, environment: Self.environment(tmux), reportExit: true)
        let list = try tmux.waitFor("Which one?", in: "list")
        #expect(list.contains("(a rescue copy: resuming it saves it back to its own file)"), "\(list)")
        try tmux.send(try Self.number(of: rescue, in: list), to: "list")
        try tmux.send("Enter", to: "list")
        try tmux.waitFor("✓ saved", in: "list")
        #expect(tmux.waitUntil { !FileManager.default.fileExists(atPath: rescue) }, "the copy goes once its session is saved")
        kill(try tmux.programPid("list"), SIGTERM)
        try tmux.waitFor("exit status 1", in: "list")
        #expect(try Self.notes(own) == ["before the disk filled", "rescued"])
        #expect(tmux.sessionFiles().map(\.path) == [own])

        // A copy of an ended interview goes back as it is, without the screen.
        var ended = SessionEngine(file: try SessionStore.read(own))
        ended.perform(.end, at: ended.file.clockSeconds + 1)
        try ended.snapshot(at: ended.file.clockSeconds).encoded().write(to: URL(fileURLWithPath: rescue))
        let back = try Self.run(tmux, ["resume", rescue])
        #expect(back.status == 0 && back.stdout.contains("holds an ended interview: saved back to \(own), and removed"),
                "\(back.stdout)\(back.stderr)")
        #expect(try SessionStore.read(own).status == .completed && !FileManager.default.fileExists(atPath: rescue))
    }
}
