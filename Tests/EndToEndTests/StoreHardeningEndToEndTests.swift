import Foundation
import Testing
import InterviewCore
import InterviewStore

/// Durable under faults, safe under attack: the real binary in tmux, each test in a
/// folder of its own (`Tmux.home`).
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct StoreHardeningEndToEndTests {
    static func mode(_ path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
    }

    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Waits until the pane's program has ended and the shell printed its exit status.
    @discardableResult
    static func exitStatus(_ tmux: Tmux, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try tmux.waitFor("terminal: ", in: name, timeout: 20, sourceLocation: sourceLocation)
    }

    // MARK: one writer, two sessions

    @Test func aSecondProgramOnTheSameFileIsRefused() throws {
        let tmux = try Tmux()
        let file = tmux.home.appendingPathComponent("ada.json").path
        try tmux.start(["run", "--now", "--candidate", "Ada", "--out", file], name: "first")
        try tmux.waitFor("Question 1/15", in: "first")
        try tmux.command("1", to: "first")
        try tmux.waitFor("Rubric 1/5", in: "first")
        Thread.sleep(forTimeInterval: 0.5)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        try tmux.start(["resume", file], name: "second", reportExit: true)
        let screen = try Self.exitStatus(tmux, "second")
        #expect(screen.contains("exit status 2"), "\(screen)")
        #expect(screen.contains("is open in another interview program"), "\(screen)")
        #expect(try tmux.isRunning("first"), "the first program goes on")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "the second wrote nothing")

        try tmux.command("q", "l", to: "first")
        #expect(try tmux.waitUntil { try !tmux.isRunning("first") })
        #expect(try SessionStore.read(file).status == .interrupted)
    }

    @Test func twoInterviewsStartedTogetherGetTwoFiles() throws {
        let tmux = try Tmux()
        // Started in one tmux command, so in the same second: the same name but for `-2`.
        try tmux.start(["run", "--now", "--candidate", "Same Name"], name: "a")
        try tmux.start(["run", "--now", "--candidate", "Same Name"], name: "b")
        try tmux.waitFor("Question 1/15", in: "a")
        try tmux.waitFor("Question 1/15", in: "b")
        try tmux.command("1", to: "a")
        try tmux.command("2", to: "b")
        try tmux.waitFor("Rubric 1/5", in: "a")
        try tmux.waitFor("Rubric 1/5", in: "b")
        try tmux.command("q", "l", to: "a")
        try tmux.command("q", "l", to: "b")
        #expect(try tmux.waitUntil { try !tmux.isRunning("a") && !tmux.isRunning("b") })
        let files = tmux.sessionFiles()
        #expect(files.count == 2, "\(files.map(\.lastPathComponent))")
        let ticks = try files.map { file -> [Bool] in
            let session = try SessionStore.read(file.path)
            return session.questions[0].rubric.map(\.checked)
        }
        #expect(Set(ticks) == [[true, false, false, false, false], [false, true, false, false, false]], "\(ticks)")
        #expect(Self.names(in: tmux.sessions).allSatisfy { !$0.hasPrefix(".") }, "no lock or temporary file left: \(Self.names(in: tmux.sessions))")
    }

    @Test func aSessionsFolderOpenToOthersIsMade0700AndThatIsSaid() throws {
        let tmux = try Tmux()
        try FileManager.default.createDirectory(at: tmux.sessions, withIntermediateDirectories: true)
        chmod(tmux.sessions.path, 0o755)
        try tmux.start(["run", "--now", "--candidate", "Ada"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        #expect(Self.mode(tmux.sessions.path) == 0o700)
        try tmux.command("q", "l")
        let screen = try Self.exitStatus(tmux, "main")
        // One line on stderr, wrapped by the pane's width.
        let unwrapped = screen.replacingOccurrences(of: "\n", with: "")
        #expect(unwrapped.contains("the sessions folder \(tmux.sessions.path) was open to others (755): made it 0700"), "\(screen)")
        // Once tight, nothing more is said.
        try tmux.start(["run", "--now", "--candidate", "Bob"], name: "again", reportExit: true)
        try tmux.waitFor("Question 1/15", in: "again")
        try tmux.command("q", "l", to: "again")
        let again = try Self.exitStatus(tmux, "again")
        #expect(!again.contains("open to others"), "\(again)")
    }

    // MARK: temporary files

    /// Links planted at temporary names the program could use: the old `.NAME.PID.tmp`,
    /// a sample of `.NAME.<hex>.tmp`, before the start and while it runs. The file they
    /// point at stays as it was, byte for byte and 0644.
    @Test func linksPlantedAtTemporaryNamesLeaveTheirTargetAlone() throws {
        let tmux = try Tmux()
        let folder = tmux.home.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let victim = tmux.home.appendingPathComponent("victim.txt")
        let victimBytes = Data("someone's file, not a session\n".utf8)
        try victimBytes.write(to: victim)
        chmod(victim.path, 0o644)
        let session = folder.appendingPathComponent("ada.json")
        func plant(_ count: Int) {
            var generator = SystemRandomNumberGenerator()
            var names = (0..<count).map { _ in
                let hex = String(generator.next() as UInt64, radix: 16)
                return ".ada.json.\(String(repeating: "0", count: 16 - hex.count) + hex).tmp"
            }
            names += (1...400).map { ".ada.json.\($0).tmp" } + [".ada.json.tmp", ".ada.json.0000000000000000.tmp",
                                                                 ".ada.json.ffffffffffffffff.tmp"]
            for name in names {
                try? FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path,
                                                            withDestinationPath: victim.path)
            }
        }
        plant(2000)
        try tmux.start(["run", "--now", "--candidate", "Ada", "--out", session.path], reportExit: true)
        try tmux.waitFor("Question 1/15")
        plant(2000)
        try tmux.command("1")
        try tmux.command("n")
        try tmux.command("2")
        try tmux.type("a note saved several times")
        try tmux.waitFor("a note saved several times")
        Thread.sleep(forTimeInterval: 1.2)
        try tmux.command("q", "l")
        let screen = try Self.exitStatus(tmux, "main")
        #expect(screen.contains("exit status 0"), "\(screen)")
        #expect(try Data(contentsOf: victim) == victimBytes, "the link's target is untouched")
        #expect(Self.mode(victim.path) == 0o644)
        let saved = try SessionStore.read(session.path)
        #expect(saved.status == .interrupted)
        #expect(saved.questions[1].notes.first?.text == "a note saved several times")
        #expect(Self.mode(session.path) == 0o600)
        #expect(SessionStore.isRegularFile(session.path), "the session is a file, not one of the links")
    }

    /// A real full disk: the session's folder is a 512 KB tmpfs in a mount namespace of
    /// the program's own; filled up from inside it, a save fails, the screen says so, the
    /// file on disk stays the previous valid one and no temporary file is left; once there
    /// is room, the next change is saved.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/nsenter"), "needs root and nsenter"))
    func aFullDiskKeepsThePreviousSaveAndSaysSo() throws {
        let tmux = try Tmux()
        let disk = tmux.home.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let session = disk.appendingPathComponent("full.json").path
        try tmux.start(["run", "--now", "--candidate", "Full", "--out", session], launcher: [
            "/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
            "mount -t tmpfs -o size=512k interview-disk '\(disk.path)' && exec \"$0\" \"$@\"",
        ])
        try tmux.waitFor("Question 1/15")
        try tmux.waitFor("saved")
        let pid = try tmux.programPid()
        /// A shell command in the program's mount namespace, where the tmpfs is.
        func inside(_ command: String) throws -> String {
            try Tmux.run("/usr/bin/nsenter", ["-t", "\(pid)", "-m", "/bin/sh", "-c", command])
        }
        func saved() throws -> SessionFile {
            try SessionFile.decode(Data(try inside("cat '\(session)'").utf8), file: session)
        }
        func temporaries() throws -> String { try inside("ls -a '\(disk.path)' | grep '\\.tmp$' || true") }

        _ = try inside("dd if=/dev/zero of='\(disk.path)/filler' bs=4096 2>/dev/null; true")
        try tmux.command("1")
        let full = try tmux.waitFor("NOT SAVED")
        #expect(full.contains("NOT SAVED (retrying): cannot write"), "\(full)")
        #expect(try saved().questions[0].rubric[0].checked == false, "the previous save stands")
        let left = try temporaries()
        #expect(left.isEmpty, "no temporary file left: \(left)")

        _ = try inside("rm -f '\(disk.path)/filler'")
        try tmux.command("2")
        try tmux.waitFor("✓ saved")
        let after = try saved()
        #expect(after.questions[0].rubric.prefix(2).map(\.checked) == [true, true], "both ticks saved once there is room")
        try tmux.command("q", "l")
        #expect(try tmux.waitUntil { try !tmux.isRunning() })
    }

    /// `kill -9` while a large session is being written leaves its temporary file; the
    /// next start removes it.
    @Test func aTemporaryFileLeftByKillNineIsRemovedAtTheNextStart() throws {
        let tmux = try Tmux()
        let folder = tmux.home.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let session = folder.appendingPathComponent("large.json")
        try Self.largeSession().encoded().write(to: session)
        let temporaries = { Self.names(in: folder).filter { $0.hasPrefix(".large.json.") && $0.hasSuffix(".tmp") } }
        var caught = false
        for attempt in 0..<8 where !caught {
            let name = "kill\(attempt)"
            try tmux.start(["resume", session.path], name: name)
            try tmux.waitFor("Question", in: name, timeout: 30)
            let pid = try tmux.programPid(name)
            try tmux.command("1", to: name)
            // Kill it the moment a save is under way.
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline, temporaries().isEmpty { usleep(500) }
            kill(pid, SIGKILL)
            #expect(tmux.waitUntil { (try? tmux.isRunning(name)) == false })
            caught = !temporaries().isEmpty
        }
        try #require(caught, "no kill landed during a save in 8 tries")
        _ = try SessionStore.read(session.path)  // the file itself is the previous save, whole

        let left = Set(temporaries())
        try tmux.start(["resume", session.path], name: "again")
        try tmux.waitFor("Question", in: "again", timeout: 30)
        // The new program's own save may be under way (a temporary of its own, another name).
        #expect(Set(temporaries()).isDisjoint(with: left), "the next start removed \(left): \(temporaries())")
        try tmux.command("q", "l", to: "again")
        #expect(try tmux.waitUntil(timeout: 20) { try !tmux.isRunning("again") })
        #expect(temporaries().isEmpty)
        #expect(try SessionStore.read(session.path).status == .interrupted)
    }

    /// An unfinished session of 20,000 events (a few megabytes): its save takes a while.
    static func largeSession() throws -> SessionFile {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "large", candidate: "Large",
                                   interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        for n in 0..<20_000 { engine.perform(.toggleRubric(n % 4), at: Double(n) * 0.01) }
        engine.perform(.interrupt, at: 200)
        return engine.snapshot(at: 200)
    }

    // MARK: signals, terminals, cores

    /// Every signal whose default action ends the process, but for the crashes (and
    /// SIGKILL, SIGSTOP, which cannot be caught): the real-time ones too.
    static let leavingSignals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGQUIT,
                                 SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT]
        + Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())

    /// Every signal that asks the program to leave: the terminal as before, bracketed
    /// paste off and the alternate screen left (in the bytes sent), the message, exit 1,
    /// the session interrupted and valid.
    @Test(arguments: leavingSignals)
    func aSignalSavesRestoresAndSaysSo(_ signal: Int32) throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Signal"], reportExit: true, recordOutput: true)
        try tmux.waitFor("Question 1/15")
        try tmux.command("1")
        try tmux.waitFor("Rubric 1/5")
        kill(try tmux.programPid(), signal)
        let screen = try Self.exitStatus(tmux, "main")
        #expect(screen.contains("exit status 1"), "signal \(signal): \(screen)")
        #expect(screen.contains("stopped by signal \(signal); the session is saved to"), "signal \(signal): \(screen)")
        let modes = try #require(tmux.terminalModes())
        #expect(modes.before == modes.after, "signal \(signal): stty -g before and after differ")
        let output = tmux.output()
        for (on, off, what) in [("\u{1B}[?2004h", "\u{1B}[?2004l", "bracketed paste"), ("\u{1B}[?1049h", "\u{1B}[?1049l", "the alternate screen")] {
            let lastOn = try #require(output.range(of: Data(on.utf8), options: .backwards), "\(what) was never entered")
            let lastOff = output.range(of: Data(off.utf8), options: .backwards)
            #expect(lastOff.map { $0.lowerBound > lastOn.lowerBound } == true, "signal \(signal): \(what) is left on")
        }
        let file = try #require(tmux.sessionFiles().first)
        let session = try SessionStore.read(file.path)
        #expect(session.status == .interrupted, "signal \(signal)")
        #expect(session.questions[0].rubric[0].checked)
        #expect(Self.names(in: tmux.sessions).allSatisfy { !$0.hasSuffix(".tmp") }, "signal \(signal): a temporary file left")
    }

    @Test func anUnknownTermExits2NamingItAndLeavesNothing() throws {
        let tmux = try Tmux()
        let out = tmux.home.appendingPathComponent("out.json")
        try tmux.start(["run", "--now", "--candidate", "Nobody"], name: "plain", environment: ["TERM": "no-such-terminal-xyz"], reportExit: true)
        try tmux.start(["run", "--now", "--out", out.path], name: "out", environment: ["TERM": "no-such-terminal-xyz"], reportExit: true)
        for name in ["plain", "out"] {
            let screen = try Self.exitStatus(tmux, name)
            #expect(screen.contains("exit status 2"), "\(name): \(screen)")
            #expect(screen.contains("TERM") && screen.contains("no-such-terminal-xyz"), "\(name): \(screen)")
            let modes = try #require(tmux.terminalModes(name))
            #expect(modes.before == modes.after)
        }
        #expect(Self.names(in: tmux.sessions).isEmpty, "nothing in the sessions folder: \(Self.names(in: tmux.sessions))")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(Self.names(in: tmux.home).allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }, "\(Self.names(in: tmux.home))")
    }

    /// `run`'s file is made once the first frame is up: one that cannot be made (its folder
    /// is missing) ends the screen before any key is read, says why, and writes nothing.
    @Test func aFileThatCannotBeMadeEndsTheInterviewBeforeItStarts() throws {
        let tmux = try Tmux()
        let out = tmux.home.appendingPathComponent("missing/out.json")
        try tmux.start(["run", "--now", "--candidate", "Nobody", "--out", out.path], reportExit: true)
        let screen = try Self.exitStatus(tmux, "main")
        #expect(screen.contains("exit status 1"), "\(screen)")
        #expect(screen.contains("no interview started, nothing was written: cannot create \(out.path)"), "\(screen)")
        let modes = try #require(tmux.terminalModes("main"))
        #expect(modes.before == modes.after)
        #expect(Self.names(in: tmux.sessions).isEmpty, "nothing in the sessions folder: \(Self.names(in: tmux.sessions))")
        #expect(Self.names(in: tmux.home).allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }, "\(Self.names(in: tmux.home))")
    }

    /// With cores allowed in the shell (`ulimit -c unlimited`, when the hard limit allows) and `core_pattern` writing
    /// them to the working folder, a segfault of the program leaves no core: notes and
    /// names would be in it.
    @Test func aSegfaultLeavesNoCoreFile() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Core"], reportExit: true,
                       // As high as the hard limit lets it: `unlimited` when this test runs alone, but
                       // the terminal tests in the same process have the program's own setrlimit (0, 0).
                       launcher: ["/bin/sh", "-c", "ulimit -S -c \"$(ulimit -H -c)\" && exec \"$0\" \"$@\""])
        try tmux.waitFor("Question 1/15")
        let pid = try tmux.programPid()
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
        #expect(core.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"] } == true,
                "the program's core limit: \(core ?? "?")")
        Thread.sleep(forTimeInterval: 0.3)
        kill(pid, SIGSEGV)
        let screen = try Self.exitStatus(tmux, "main")
        #expect(screen.contains("exit status \(128 + SIGSEGV)"), "\(screen)")
        Thread.sleep(forTimeInterval: 0.5)
        let cores = Self.names(in: tmux.home).filter { $0 == "core" || $0.hasPrefix("core.") }
        #expect(cores.isEmpty, "core files: \(cores)")
    }

    // MARK: stopped time

    /// The clocks on screen as seconds: the question's and the total.
    static func clocks(_ screen: String) -> (question: Int, total: Int)? {
        func seconds(after marker: String) -> Int? {
            guard let range = screen.range(of: marker) else { return nil }
            let digits = screen[range.upperBound...].prefix(5)
            let parts = digits.split(separator: ":")
            guard parts.count == 2, let m = Int(parts[0]), let s = Int(parts[1]) else { return nil }
            return m * 60 + s
        }
        guard let q = seconds(after: " Q "), let t = seconds(after: "Total ") else { return nil }
        return (q, t)
    }

    /// Stopped for 3 s (SIGSTOP, then SIGCONT), the clocks go on from where they stood.
    @Test func timeWhileStoppedDoesNotCount() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Stopped"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        Thread.sleep(forTimeInterval: 1.2)
        let pid = try tmux.programPid()
        let start = Date()
        let first = try tmux.screen()
        let before = try #require(Self.clocks(first), "no clocks on \(first)")
        kill(pid, SIGSTOP)
        Thread.sleep(forTimeInterval: 3)
        kill(pid, SIGCONT)
        Thread.sleep(forTimeInterval: 1.5)
        let after = try #require(Self.clocks(try tmux.screen()))
        let wall = Date().timeIntervalSince(start)
        // Running time between the two reads: wall less the 3 s stop, within a second each way.
        #expect(after.total - before.total <= Int((wall - 3).rounded(.up)) + 1, "total \(before.total) → \(after.total) over \(wall) s")
        #expect(after.total - before.total >= 1, "the clock runs on after the stop")
        #expect(after.question - before.question <= Int((wall - 3).rounded(.up)) + 1, "question \(before.question) → \(after.question)")
        try tmux.command("q", "l")
        try Self.exitStatus(tmux, "main")
        let file = try #require(tmux.sessionFiles().first)
        let session = try SessionStore.read(file.path)
        let ran = Date().timeIntervalSince(start) + 1.2
        #expect(session.clockSeconds < ran - 2.5, "the saved clock \(session.clockSeconds) s excludes the stop (ran \(ran) s with it)")
    }

    /// Ctrl-Z (SIGTSTP, as the terminal sends it) in a shell with job control, which
    /// waits 3 s before `fg`: the same.
    @Test func timeWhileSuspendedDoesNotCount() throws {
        let tmux = try Tmux()
        try tmux.start(["--now", "--candidate", "Suspended"], launcher: ["bash", "--norc", "-m", "-c", "\"$0\" \"$@\"; sleep 3; fg"])
        try tmux.waitFor("Question 1/15")
        Thread.sleep(forTimeInterval: 1.2)
        let before = try #require(Self.clocks(try tmux.screen()))
        let start = Date()
        kill(try tmux.programPid(), SIGTSTP)
        Thread.sleep(forTimeInterval: 4.5)
        let last = try tmux.screen()
        let after = try #require(Self.clocks(last), "\(last)")
        let wall = Date().timeIntervalSince(start)
        #expect(after.total - before.total <= Int((wall - 3).rounded(.up)) + 1, "total \(before.total) → \(after.total) over \(wall) s")
        #expect(after.total - before.total >= 1, "the clock runs on after fg")
        try tmux.command("q", "l")
        #expect(try tmux.waitUntil { try !tmux.isRunning() })
    }
}
