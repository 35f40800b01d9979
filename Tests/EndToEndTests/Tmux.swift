import Foundation
import Testing

/// Drives the real binary in a detached tmux session, as a person at a terminal would:
/// keys in with `send-keys`, the screen out with `capture-pane`. Each instance has its
/// own tmux server (socket), so tests never see each other's windows.
final class Tmux {
    let socket = "interview-e2e-\(UUID().uuidString.prefix(8))"
    let home: URL
    var sessions: URL { home.appendingPathComponent("data/interview/sessions") }

    static var isAvailable: Bool { (try? Tmux.which("tmux")) != nil }

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
    }

    /// Starts `interview ARGS` in a new tmux session named `name`. With `reportExit`, a
    /// shell stays in the pane after the program and prints `exit status N` and the
    /// terminal's line modes (`terminal: icanon echo` when restored): the last
    /// lines the program printed then always reach the screen (a pty closed by an
    /// exiting process can drop what it wrote last). It also records `stty -g` just
    /// before the program starts and just after it ends: see `terminalModes(_:)`.
    /// With `recordOutput`, every byte the program sends to the terminal is kept (tmux
    /// `pipe-pane`, attached before the program starts): see `output(_:)`.
    /// `shellArguments` follow the others unquoted, for the shell to expand: bytes that
    /// are not UTF-8, say, which a Swift string cannot hold. `launcher` runs the program
    /// (`setsid -w`, say). `binary` is the program to run instead of `Binary.path()`.
    func start(_ arguments: [String], name: String = "main", width: Int = 120, height: Int = 40,
               environment: [String: String] = [:], reportExit: Bool = false, recordOutput: Bool = false,
               shellArguments: String = "", launcher: [String] = [], binary: String? = nil) throws {
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color",
                         "XDG_DATA_HOME": home.path + "/data", "XDG_CONFIG_HOME": home.path + "/config"]
            .merging(environment) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=" + quote($0.value) }
        // `swift test` sets NO_COLOR for itself; the program under test starts without it.
        let modes = { (moment: String) in "stty -g > \(quote(self.modesFile(name, moment).path)); " }
        // Recording must be attached before the program draws its first byte: it waits for a go.
        let waitForRecording = recordOutput
            ? "while [ ! -e \(quote(goFile(name).path)) ]; do sleep 0.02; done; " : ""
        let command = "cd \(quote(home.path)) && " + waitForRecording + (reportExit ? modes("before") : "exec ")
            + "env -u NO_COLOR -u COLORTERM "
            + variables.joined(separator: " ") + " " + (launcher + [try binary ?? Binary.path()] + arguments).map(quote).joined(separator: " ")
            + (shellArguments.isEmpty ? "" : " " + shellArguments)
            + (reportExit ? "; echo \"exit status $?\"; " + modes("after")
                + "echo \"terminal: $(stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon\\|-\\{0,1\\}echo' | tr '\\n' ' ')\"; sleep 600" : "")
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        if recordOutput {
            try tmux(["pipe-pane", "-o", "-t", name, "cat >> " + quote(outputFile(name).path)])
            try Data().write(to: goFile(name))
        }
    }

    private func modesFile(_ name: String, _ moment: String) -> URL { home.appendingPathComponent("stty-\(name)-\(moment)") }
    private func outputFile(_ name: String) -> URL { home.appendingPathComponent("output-\(name)") }
    private func goFile(_ name: String) -> URL { home.appendingPathComponent("go-\(name)") }

    /// `stty -g` in the pane just before the program started and just after it ended
    /// (started with `reportExit`), or nil while the program has not ended.
    func terminalModes(_ name: String = "main") -> (before: String, after: String)? {
        guard let before = try? String(contentsOf: modesFile(name, "before"), encoding: .utf8),
              let after = try? String(contentsOf: modesFile(name, "after"), encoding: .utf8), !after.isEmpty else { return nil }
        return (before.trimmingCharacters(in: .whitespacesAndNewlines), after.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Every byte the program has sent to the terminal so far (started with `recordOutput`).
    func output(_ name: String = "main") -> Data {
        FileManager.default.contents(atPath: outputFile(name).path) ?? Data()
    }

    /// The process id of the program itself: the pane's process, or its child when a
    /// shell stays in the pane (`reportExit`).
    func programPid(_ name: String = "main") throws -> Int32 {
        let pane = try pid(name)
        let children = try Tmux.run("/usr/bin/pgrep", ["-P", "\(pane)"]).split(separator: "\n")
            .compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
        // The program itself, not a command the pane's shell runs beside it.
        let named = children.first { pid in
            (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("interview") == true
        }
        return named ?? children.first ?? pane
    }

    /// The pane's title, which a program could change with OSC 0 or 2.
    func paneTitle(_ name: String = "main") throws -> String {
        try tmux(["display-message", "-p", "-t", name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Presses keys by their tmux names (`Enter`, `C-n`, `PageDown`), all at once: the
    /// program holds no key, so nothing waits between them.
    func send(_ keys: String..., to name: String = "main") throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// A command of the live screen: `Esc`, then its key and the key it asks for, if any
    /// (`command("r", "3")` rates 3; `command("q", "y")` quits and answers the box).
    func command(_ keys: String..., to name: String = "main") throws {
        try tmux(["send-keys", "-t", name, "Escape"] + keys)
    }

    /// Types text literally (no key names), the way a person types or pastes it.
    func type(_ text: String, to name: String = "main") throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen(_ name: String = "main", escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen shows `text` (or fails with the screen as it is).
    @discardableResult
    func waitFor(_ text: String, in name: String = "main", timeout: Double = 10,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(name)
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("screen never showed \"\(text)\":\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until `condition` holds, polling.
    func waitUntil(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func pid(_ name: String = "main") throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func isRunning(_ name: String = "main") throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    func resize(_ name: String = "main", width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    func sessionFiles() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { sessions.appendingPathComponent($0) }
    }

    func onlySession() throws -> [String: Any] {
        let files = sessionFiles()
        try #require(files.count == 1, "expected one session file, found \(files.map(\.lastPathComponent))")
        let data = try Data(contentsOf: files[0])
        WrittenJSON.session(at: files[0])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try Tmux.run(try Tmux.which("tmux"), ["-u", "-L", socket] + arguments)
    }

    static func which(_ tool: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw TmuxError.missing(tool)
    }

    /// Runs a command and returns what it printed. Not with Foundation's `Process`: it
    /// learns that a child ended when a descriptor the child inherited closes, and the
    /// tmux server forked by `new-session` keeps it open, so it would wait forever.
    /// Here the child is spawned with output to a file and reaped with `waitpid`.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Threads of the test runner block signals; the tmux server and the program
        // under test must start with none blocked and default handlers, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxError.spawn(executable, spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    enum TmuxError: Error {
        case missing(String)
        case spawn(String, Int32)
    }
}
