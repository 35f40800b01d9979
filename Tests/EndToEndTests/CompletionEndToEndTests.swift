import Foundation
import Testing
import InterviewCore
import InterviewStore

/// Tab in bash, zsh and fish, with the completion scripts the binary writes (the ones
/// `scripts/install` installs) and a data folder of its own: sessions from the sessions
/// folder and `run --out`, bank names, candidate names, a bank's tags.
@Suite("Shell completion", .serialized)
struct CompletionEndToEndTests {
    static func has(_ shell: String) -> Bool { (try? Tmux.which(shell)) != nil }

    static let bankText = """
    ---
    title: Tagged bank
    duration: 10m
    ---
    ## What is overfitting?
    time: 2m
    tags: models, errors
    ### Expected answer
    Fitting noise.

    ## What is a validation set?
    time: 1m
    tags: data
    ### Expected answer
    Held out data.
    """

    /// A data folder with an ended and an unfinished session in the sessions folder, an
    /// unfinished one saved with `--out`, a bank of one's own; an empty working folder.
    final class Home {
        let scratch: CLITests.Scratch
        let store: SessionStore
        var ended = "", unfinished = "", outside = ""
        var work: URL { scratch.url.appendingPathComponent("work") }
        var scripts: URL { scratch.url.appendingPathComponent("completions") }

        init() throws {
            scratch = try CLITests.Scratch()
            store = SessionStore.standard(environment: scratch.environment)
            let banks = store.folder.deletingLastPathComponent().appendingPathComponent("banks")
            for folder in [work, scripts, banks] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try Data(CompletionEndToEndTests.bankText.utf8).write(to: banks.appendingPathComponent("tagged.md"))
            ended = try session("Ada Lovelace", ends: true)
            unfinished = try session("Grace Hopper", ends: false)
            let out = scratch.url.appendingPathComponent("elsewhere/alan.json")
            outside = try session("Alan Turing", ends: false, at: out)
            for shell in ["bash", "zsh", "fish"] {
                let script = try Binary.run(["--generate-completion-script", shell])
                try #require(script.status == 0, "\(shell): \(script.stderr)")
                try Data(script.stdout.utf8).write(to: scripts.appendingPathComponent(shell))
            }
        }

        private func session(_ candidate: String, ends: Bool, at outside: URL? = nil) throws -> String {
            let bank = try BankParser.parse(bytes: Array(CompletionEndToEndTests.bankText.utf8), file: "tagged.md")
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var engine = SessionEngine(bank: bank, id: UUID().uuidString.lowercased(), candidate: candidate,
                                       interviewer: "Interviewer \(candidate.prefix(1))", startedAt: start)
            engine.perform(.rate(3), at: 100)
            if ends {
                engine.perform(.end, at: 230)
                engine.markEnded(now: start.addingTimeInterval(230))
            }
            return try store.save(engine, at: 230, candidate: candidate, startedAt: start, outside: outside)
        }

        /// The binary's folder first on PATH (the scripts call `interview`), the scratch's
        /// data and config folders, and a home of its own.
        var environment: [String: String] {
            let binary = URL(fileURLWithPath: (try? Binary.path()) ?? "").deletingLastPathComponent().path
            return scratch.environment.merging([
                "PATH": binary + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "HOME": scratch.url.path, "ZDOTDIR": scratch.url.path,
            ]) { $1 }
        }

        func run(_ shell: String, _ arguments: [String]) throws -> [String] {
            let result = try Binary.run(arguments, environment: environment, directory: work,
                                        executable: try Tmux.which(shell), timeout: 20)
            #expect(result.status == 0, "\(shell): \(result.stderr)")
            // `\r\n` (zsh's terminal) is one Character: split at any line break.
            return result.stdout.split(whereSeparator: \.isNewline).map(String.init)
        }
    }

    /// What each shell offers for the words typed so far (the last one being completed).
    typealias Completer = (Home, [String]) throws -> [String]

    static func bash(_ home: Home, _ words: [String]) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let command = """
            source '\(home.scripts.appendingPathComponent("bash").path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}
            _interview interview "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        return try home.run("bash", ["-c", command]).sorted()
    }

    static func fish(_ home: Home, _ words: [String]) throws -> [String] {
        let line = words.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let command = "source '\(home.scripts.appendingPathComponent("fish").path)'; complete -C \"\(line)\""
        // Each line is a candidate, then a tab and its description when it has one.
        // Interactive: fish 3 answers `commandline` only there.
        return try home.run("fish", ["--no-config", "--interactive", "-c", command]).map { String($0.prefix { $0 != "\t" }) }.sorted()
    }

    /// zsh completes only in its line editor: an interactive zsh in a pseudo-terminal
    /// (zpty) whose `compadd` also prints each match it adds, and a Tab that prints a
    /// mark when the completion is over.
    static func zsh(_ home: Home, _ words: [String]) throws -> [String] {
        let rc = """
            PS1='> '
            fpath=('\(home.scripts.path)/zsh-functions' $fpath)
            autoload -Uz compinit && compinit -u -d '\(home.scratch.url.path)/.zcompdump'
            compadd() {
              local -a added
              builtin compadd -O added "$@"
              local one; for one in "${added[@]}"; do print -r -- "@@match:$one"; done
              builtin compadd "$@"
            }
            completion-over() { print -r -- '@@over' }
            complete-and-mark() { comppostfuncs=(completion-over); _main_complete }
            zle -C complete-and-mark complete-word complete-and-mark
            bindkey '^I' complete-and-mark
            """
        let functions = home.scripts.appendingPathComponent("zsh-functions")
        try FileManager.default.createDirectory(at: functions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: home.scripts.appendingPathComponent("zsh"), to: functions.appendingPathComponent("_interview"))
        defer { try? FileManager.default.removeItem(at: functions) }
        try Data(rc.utf8).write(to: home.scratch.url.appendingPathComponent(".zshrc"))
        let line = words.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let driver = """
            zmodload zsh/zpty
            zpty shell zsh -i
            zpty -w -n shell $'\(line)\\t'
            zpty -r -m shell output '*@@over*'
            zpty -d shell
            print -r -- "$output"
            """
        let lines = try home.run("zsh", ["-f", "-c", driver])
        let matches = lines.compactMap { line -> String? in
            guard let mark = line.range(of: "@@match:") else { return nil }
            return String(line[mark.upperBound...])
        }
        return Array(Set(matches)).sorted()
    }

    func check(_ complete: Completer) throws {
        let home = try Home()
        func expect(_ words: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
            let offered = try complete(home, ["interview"] + words)
            #expect(offered == expected.sorted(), "\(words)", sourceLocation: sourceLocation)
        }
        // resume: the unfinished sessions, of the folder and remembered; the ended one after --reopen.
        try expect(["resume", ""], [home.unfinished, home.outside])
        try expect(["resume", "--reopen", ""], [home.ended, home.unfinished, home.outside])
        try expect(["report", ""], [home.ended, home.unfinished, home.outside])
        // A bank: one's own and the built-in ones.
        let banks = try complete(home, ["interview", "run", ""])
        #expect(banks.contains("tagged") && banks.contains("machine-learning"), "\(banks)")
        try expect(["stats", "--bank", "tag"], ["tagged"])
        try expect(["practice", "tag"], ["tagged"])
        // Names from the sessions.
        try expect(["forget", ""], ["Ada Lovelace", "Alan Turing", "Grace Hopper"])
        try expect(["stats", "--interviewer", ""], ["Interviewer A", "Interviewer G"])
        // The tags of the bank on the command line, after those typed.
        try expect(["run", "tagged", "--tags", ""], ["data", "errors", "models"])
        try expect(["run", "tagged", "--tags", "data,"], ["data,errors", "data,models"])
    }

    @Test(.enabled(if: has("bash"), "bash is not installed: its completion is not tested"))
    func bash() throws { try check(Self.bash) }

    @Test(.enabled(if: has("zsh"), "zsh is not installed (scripts/test installs it): its completion is not tested"))
    func zsh() throws { try check(Self.zsh) }

    @Test(.enabled(if: has("fish"), "fish is not installed (scripts/test installs it): its completion is not tested"))
    func fish() throws { try check(Self.fish) }
}
