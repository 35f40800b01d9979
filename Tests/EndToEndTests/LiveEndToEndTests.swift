import Foundation
import Testing

/// The real binary in tmux: what takes a real terminal and process (resizes, kill -9, a
/// hangup, the screen cells of share-safe).
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct LiveEndToEndTests {
    @Test func survivesResizesFromTinyToLarge() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Resize"], width: 80, height: 24)
        try tmux.waitFor("[Expected answer]")
        try tmux.resize(width: 200, height: 60)
        try tmux.waitFor("How to evaluate ─")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("too small")
        try tmux.command("1")
        for (w, h) in [(81, 25), (30, 5), (150, 45), (61, 19)] { try tmux.resize(width: w, height: h) }
        try tmux.resize(width: 120, height: 40)
        let screen = try tmux.waitFor("Rubric 1/5")
        #expect(screen.contains("Question 1/15"), "the interview went on while the terminal was too small")
        #expect(try tmux.isRunning())
        try tmux.command("q", "l")
        #expect(try tmux.waitUntil { try !tmux.isRunning() })
    }

    @Test func killNineLosesNothingOlderThanASecondAndResumes() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Killed"])
        try tmux.waitFor("Question 1/15")
        try tmux.command("n")
        try tmux.command("2")
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

        try tmux.start(["run", "--now", "--candidate", "Someone else"], name: "again")
        try tmux.waitFor("An unfinished interview is waiting", in: "again")
        try tmux.command("q", "l", to: "again")
        #expect(try tmux.waitUntil { try !tmux.isRunning("again") })

        let path = try #require(tmux.sessionFiles().first).path
        try tmux.start(["resume", path], name: "resumed")
        let screen = try tmux.waitFor("Question 2/15", in: "resumed")
        #expect(screen.contains("noted before the crash"))
        #expect(screen.contains("Rubric 1/6"))
        try tmux.command("q", "y", to: "resumed")
        #expect(try tmux.waitUntil { try !tmux.isRunning("resumed") })
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let resumed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(resumed["status"] as? String == "completed")
    }

    @Test func closingTheTerminalMidNoteSavesIt() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Hangup"])
        try tmux.waitFor("Question 1/15")
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
        try tmux.start(["--now", "--share"])
        let screen = try tmux.waitFor("SHARE-SAFE")
        #expect(screen.contains("supervised"))
        #expect(!screen.contains("Expected answer"))
        #expect(!screen.contains("Rubric"))
        try tmux.type("s")
        try tmux.waitFor("typing hidden")
        #expect(try tmux.screen().contains("SHARE-SAFE"), "in share-safe s is text for the hidden notes")
        try tmux.command("s")
        try tmux.waitFor("Expected answer")
        try tmux.command("s")
        let hidden = try tmux.waitFor("SHARE-SAFE")
        #expect(!hidden.contains("Expected answer"), "no stale cell of a hidden pane")
        #expect(!hidden.contains("│ 1 [ ]"))
        try tmux.command("q", "l")
    }
}

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct CrashEndToEndTests {
    @Test func aCrashRestoresTheTerminalAndTheLastSaveStands() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Crash"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        try tmux.command("1")
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
