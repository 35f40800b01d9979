import Foundation
import Testing

/// Every way out of the program leaves the terminal exactly as it found it (`stty -g`
/// before equals after, bracketed paste off again) and a valid session file behind.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct ExitPathEndToEndTests {
    /// Starts an interview, ticks an item so there is something to save, and returns the tmux.
    func interview() throws -> Tmux {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Exit"], reportExit: true, recordOutput: true)
        try tmux.waitFor("Question 1/15")
        try tmux.command("1")
        try tmux.waitFor("Rubric 1/5")
        return tmux
    }

    /// Waits for the program to end, then checks the terminal modes, the exit status and
    /// the session file.
    func checkExit(_ tmux: Tmux, status: Int32, sessionStatus: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.waitFor("terminal: ", sourceLocation: sourceLocation)
        #expect(screen.contains("exit status \(status)"), "\(screen)", sourceLocation: sourceLocation)
        let modes = try #require(tmux.terminalModes(), "stty -g was not recorded", sourceLocation: sourceLocation)
        #expect(!modes.before.isEmpty, sourceLocation: sourceLocation)
        #expect(modes.before == modes.after, "stty -g before and after differ", sourceLocation: sourceLocation)
        #expect(!screen.contains("Rubric 1/5"), "the interview's screen is gone", sourceLocation: sourceLocation)
        let output = tmux.output()
        let on = try #require(output.range(of: Data("\u{1B}[?2004h".utf8), options: .backwards),
                              "bracketed paste was never turned on", sourceLocation: sourceLocation)
        let off = output.range(of: Data("\u{1B}[?2004l".utf8), options: .backwards)
        #expect(off.map { $0.lowerBound > on.lowerBound } == true, "bracketed paste is left on", sourceLocation: sourceLocation)
        let session = try tmux.onlySession()
        #expect(session["status"] as? String == sessionStatus, sourceLocation: sourceLocation)
        let rubric = (session["questions"] as? [[String: Any]])?.first?["rubric"] as? [[String: Any]]
        #expect(rubric?.first?["checked"] as? Bool == true, "the tick was saved", sourceLocation: sourceLocation)
    }

    @Test func quitAndConfirm() throws {
        let tmux = try interview()
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        try checkExit(tmux, status: 0, sessionStatus: "completed")
    }

    @Test func quitAndLeaveForLater() throws {
        let tmux = try interview()
        try tmux.command("q", "l")
        try checkExit(tmux, status: 0, sessionStatus: "interrupted")
    }

    @Test func controlCFromTheKeyboard() throws {
        let tmux = try interview()
        try tmux.send("C-c")
        try checkExit(tmux, status: 1, sessionStatus: "interrupted")
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalAsksItToStop(_ signal: Int32) throws {
        let tmux = try interview()
        kill(try tmux.programPid(), signal)
        try checkExit(tmux, status: 1, sessionStatus: "interrupted")
    }

    /// The terminal goes away and no SIGHUP comes (the program runs in a session of its
    /// own, `setsid`): every read fails at once. It must save and leave, not spin.
    @Test func theTerminalGoesAwayWithoutAHangupSignal() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Gone"], launcher: ["setsid", "-w"])
        try tmux.waitFor("Question 1/15")
        try tmux.command("1")
        try tmux.waitFor("Rubric 1/5")
        let pid = try tmux.programPid()
        try tmux.tmux(["kill-server"])
        // Not this process's child: once gone it is absent, or a zombie nobody reaps.
        let ended = tmux.waitUntil(timeout: 5) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
        }
        #expect(ended, "interview \(pid) still runs after its terminal closed")
        if !ended { kill(pid, SIGKILL) }  // a process that would spin on until the machine stops
        let session = try tmux.onlySession()
        #expect(session["status"] as? String == "interrupted")
        let rubric = (session["questions"] as? [[String: Any]])?.first?["rubric"] as? [[String: Any]]
        #expect(rubric?.first?["checked"] as? Bool == true, "the tick was saved")
    }

    /// The terminal closes (tmux's server goes, as when a window is closed): a hangup and a
    /// terminal that fails every write. The program saves and exits 1; it used to crash
    /// (SIGILL, from a `try!` in Foundation's FileHandle) writing its last words to the dead
    /// terminal. A launcher that ignores the hangup itself records how it ended.
    @Test func theTerminalClosesWithAHangup() throws {
        let tmux = try Tmux()
        let status = FileManager.default.temporaryDirectory.appendingPathComponent("hangup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: status) }
        let launcher = """
            import signal, subprocess, sys
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            child = subprocess.Popen(sys.argv[2:], preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))
            open(sys.argv[1], "w").write(str(child.wait()))
            """
        try tmux.start(["--now", "--candidate", "Gone"], launcher: ["python3", "-c", launcher, status.path])
        try tmux.waitFor("Question 1/15")
        try tmux.command("1")
        try tmux.waitFor("Rubric 1/5")
        try tmux.tmux(["kill-server"])
        let ended = tmux.waitUntil(timeout: 10) { (try? String(contentsOf: status, encoding: .utf8))?.isEmpty == false }
        #expect(ended, "the program did not end after its terminal closed")
        // Python gives a death by signal as minus its number.
        #expect((try? String(contentsOf: status, encoding: .utf8)) == "1", "not exit 1: a crash is -4 (SIGILL)")
        let session = try tmux.onlySession()
        #expect(session["status"] as? String == "interrupted")
    }

    /// A fatal error: the crash handler restores the terminal and re-raises, so the shell
    /// sees the signal (128 + its number) and the last save stands.
    @Test(arguments: [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE])
    func aFatalSignal(_ signal: Int32) throws {
        let tmux = try interview()
        Thread.sleep(forTimeInterval: 0.3)  // the save of the tick is on a background queue
        kill(try tmux.programPid(), signal)
        try checkExit(tmux, status: 128 + signal, sessionStatus: "in-progress")
    }
}
