import Foundation
import Testing

/// The real binary in tmux: keys in, screen and session file out.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct LiveEndToEndTests {
    @Test func conductsAnInterviewAndSavesEverything() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--candidate", "Ada Lovelace", "--interviewer", "Grace"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        try tmux.send("1")
        try tmux.waitFor("Rubric 1/5")
        try tmux.send("i")
        try tmux.type("é 日本 🚀")
        try tmux.send("Enter")
        try tmux.type("second line")
        try tmux.send("Escape")
        try tmux.waitFor("second line")
        try tmux.send("r", "3")
        try tmux.waitFor("rated 3: yes")
        try tmux.send("n")
        try tmux.waitFor("Question 2/15")
        try tmux.send("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        let farewell = try tmux.waitFor("exit status 0")
        #expect(farewell.contains("Interview completed. Saved to"))

        let session = try tmux.onlySession()
        #expect(session["status"] as? String == "completed")
        #expect(session["candidate"] as? String == "Ada Lovelace")
        #expect(session["endedAt"] is String)
        let questions = try #require(session["questions"] as? [[String: Any]])
        let first = questions[0]
        let notes = try #require(first["notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["é 日本 🚀", "second line"])
        let rubric = try #require(first["rubric"] as? [[String: Any]])
        #expect(rubric.map { $0["checked"] as? Bool } == [true, false, false, false, false])
        #expect(first["rating"] as? Int == 3)
        let events = try #require(session["events"] as? [[String: Any]])
        #expect(events.contains { $0["type"] as? String == "questionOpened" && $0["question"] as? Int == 1 })
        let mode = try FileManager.default.attributesOfItem(atPath: tmux.sessionFiles()[0].path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Ctrl and Alt with the arrows move by words in a note: the keys the terminal
    /// describes (terminfo kLFT5, kRIT5, kLFT3, kRIT3) reach the editor.
    @Test func controlArrowsMoveByWordsInANote() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--candidate", "Words"])
        try tmux.waitFor("Question 1/15")
        try tmux.send("i")
        try tmux.type("alpha beta gamma")
        try tmux.send("C-Left", "C-Left")
        try tmux.type("X")
        try tmux.waitFor("alpha Xbeta gamma")
        try tmux.send("M-Right")
        try tmux.type("Y")
        try tmux.waitFor("alpha XbetaY gamma")
    }

    @Test func survivesResizesFromTinyToLarge() throws {
        let tmux = try Tmux()
        try tmux.start(["--candidate", "Resize"], width: 80, height: 24)
        try tmux.waitFor("[Expected answer]")
        try tmux.resize(width: 200, height: 60)
        try tmux.waitFor("How to evaluate ─")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("too small")
        try tmux.send("1")
        for (w, h) in [(81, 25), (30, 5), (150, 45), (61, 19)] { try tmux.resize(width: w, height: h) }
        try tmux.resize(width: 120, height: 40)
        let screen = try tmux.waitFor("Rubric 1/5")
        #expect(screen.contains("Question 1/15"), "the interview went on while the terminal was too small")
        #expect(try tmux.isRunning())
        try tmux.send("q", "l")
        #expect(try tmux.waitUntil { try !tmux.isRunning() })
    }

    @Test func killNineLosesNothingOlderThanASecondAndResumes() throws {
        let tmux = try Tmux()
        try tmux.start(["--candidate", "Killed"])
        try tmux.waitFor("Question 1/15")
        try tmux.send("n", "2", "i")
        try tmux.type("noted before the crash")
        try tmux.waitFor("noted before the crash")
        Thread.sleep(forTimeInterval: 1.6)
        kill(try tmux.pid(), SIGKILL)
        #expect(try tmux.waitUntil { try !tmux.isRunning() })

        let session = try tmux.onlySession()
        #expect(session["status"] as? String == "in-progress", "kill -9 leaves the last save as it was")
        let questions = try #require(session["questions"] as? [[String: Any]])
        #expect((questions[1]["notes"] as? [[String: Any]])?.first?["text"] as? String == "noted before the crash")
        #expect((questions[1]["rubric"] as? [[String: Any]])?[1]["checked"] as? Bool == true)

        try tmux.start(["run", "--candidate", "Someone else"], name: "again")
        try tmux.waitFor("An unfinished interview is waiting", in: "again")
        try tmux.send("q", "l", to: "again")
        #expect(try tmux.waitUntil { try !tmux.isRunning("again") })

        let path = try #require(tmux.sessionFiles().first).path
        try tmux.start(["resume", path], name: "resumed")
        let screen = try tmux.waitFor("Question 2/15", in: "resumed")
        #expect(screen.contains("noted before the crash"))
        #expect(screen.contains("Rubric 1/6"))
        try tmux.send("q", "y", to: "resumed")
        #expect(try tmux.waitUntil { try !tmux.isRunning("resumed") })
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let resumed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(resumed["status"] as? String == "completed")
    }

    @Test func closingTheTerminalMidNoteSavesIt() throws {
        let tmux = try Tmux()
        try tmux.start(["--candidate", "Hangup"])
        try tmux.waitFor("Question 1/15")
        try tmux.send("i")
        try tmux.type("half a thought")
        try tmux.waitFor("half a thought")
        try tmux.tmux(["kill-session", "-t", "main"])
        var session: [String: Any] = [:]
        let saved = tmux.waitUntil {
            guard let file = tmux.sessionFiles().first, let data = try? Data(contentsOf: file),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            session = object
            return object["status"] as? String == "interrupted"
        }
        #expect(saved, "SIGHUP should save and mark the session interrupted")
        let questions = try #require(session["questions"] as? [[String: Any]])
        #expect((questions[0]["notes"] as? [[String: Any]])?.first?["text"] as? String == "half a thought")
    }

    @Test func shareSafeHidesTheAnswerKeyOnTheRealScreen() throws {
        let tmux = try Tmux()
        try tmux.start(["--share"])
        let screen = try tmux.waitFor("SHARE-SAFE")
        #expect(screen.contains("supervised"))
        #expect(!screen.contains("Expected answer"))
        #expect(!screen.contains("Rubric"))
        try tmux.send("s")
        Thread.sleep(forTimeInterval: 0.8)
        #expect(try tmux.screen().contains("SHARE-SAFE"), "in share-safe s is text for the hidden notes")
        try tmux.send("Escape", "s")
        try tmux.waitFor("Expected answer")
        try tmux.send("s")
        let hidden = try tmux.waitFor("SHARE-SAFE")
        #expect(!hidden.contains("Expected answer"), "no stale cell of a hidden pane")
        #expect(!hidden.contains("│ 1 [ ]"))
        try tmux.send("Escape", "q", "l")
    }
}

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct CrashEndToEndTests {
    @Test func aCrashRestoresTheTerminalAndTheLastSaveStands() throws {
        let tmux = try Tmux()
        try tmux.start(["--candidate", "Crash"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        try tmux.send("1")
        try tmux.waitFor("Rubric 1/5")
        Thread.sleep(forTimeInterval: 0.3)
        let pid = try Int32(tmux.tmux(["list-panes", "-t", "main", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let program = try Tmux.run("/usr/bin/pgrep", ["-P", "\(pid)"]).trimmingCharacters(in: .whitespacesAndNewlines)
        kill(Int32(program.split(separator: "\n").first ?? "") ?? 0, SIGSEGV)
        let screen = try tmux.waitFor("terminal: ")
        #expect(screen.contains("exit status 139"), "killed by SIGSEGV, as the handler re-raises it")
        #expect(screen.contains("terminal: icanon echo"), "the terminal is back in its normal modes:\n\(screen)")
        #expect(!screen.contains("Rubric"), "the screen was restored, not left with the interview on it")
        let session = try tmux.onlySession()
        let rubric = (session["questions"] as? [[String: Any]])?.first?["rubric"] as? [[String: Any]]
        #expect(rubric?.first?["checked"] as? Bool == true)
    }
}
