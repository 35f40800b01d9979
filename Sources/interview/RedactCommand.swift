import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import InterviewStore
import InterviewPrivacy

struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Take text out of a session's notes, and out of every event of its log.",
        discussion: HelpExamples.discussion("""
            With --remove TEXT (repeatable), every occurrence of TEXT (exact, case and all) goes from the \
            notes and closing notes, in every event, with the versions of a line saved while it was half \
            typed. With --deleted, everything typed and then deleted during the interview goes from the \
            log (replay showed it; the notes keep what stayed). Without either, the notes open in $VISUAL, else $EDITOR, else vi, as a text file (0600, \
            beside the session, removed after): take out words or lines, save and quit. Either way replay \
            never shows the text again, and the log records that a redaction happened, when, and how many \
            characters, never what. See docs/privacy.md.
            """, "redact"))

    @Argument(help: "The session file.", completion: Complete.session)
    var file: String

    @Option(name: .customLong("remove"), help: ArgumentHelp("Text to take out of the notes; repeatable.", valueName: "text"))
    var remove: [String] = []

    @Flag(help: "Take out of the log everything typed and then deleted during the interview (the notes keep what stayed).")
    var deleted = false

    func validate() throws {
        for text in remove {
            if text.isEmpty { throw ValidationError("--remove needs some text") }
            if text.contains(where: \.isNewline) { throw ValidationError("--remove takes text within one line: a note line never holds a line break") }
        }
    }

    func run() throws {
        let path = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let (lock, session) = try lockedRead(path, shown: file)
        defer { lock.release() }
        let now = Date()
        var outcome: Redaction.Outcome
        if remove.isEmpty, !deleted {
            guard let edited = try RedactEditor.edit(session, path: path, now: now) else { return }
            outcome = edited
        } else {
            outcome = Redaction.removing(remove, from: session, now: now)
            if deleted {
                let document = RedactionDocument(file: outcome.file, name: URL(fileURLWithPath: path).lastPathComponent)
                do {
                    outcome = Redaction.combined(outcome, try document.apply(document.textWithoutDeleted, file: path, now: now))
                } catch {
                    throw exitWithInputError(error)
                }
            }
        }
        let shown = VisibleText.visible(path)
        if outcome.changed {
            do {
                try SessionStore.writeAtomically(try outcome.file.encoded(), to: URL(fileURLWithPath: path))
            } catch {
                printError("cannot save \(shown): \(error)")
                throw ExitCode(1)
            }
            print("Redacted \(shown): \(outcome.characters) character\(outcome.characters == 1 ? "" : "s") out of the notes, "
                  + "\(outcome.events) event\(outcome.events == 1 ? "" : "s") written again; the log records the redaction (when, how many characters).")
        } else {
            print(remove.isEmpty ? "Nothing taken out: \(shown) is as it was."
                                 : "Not in the notes of \(shown)\(deleted ? ", nor typed and deleted" : ""): nothing changed.")
        }
        var failed = Erasure.Failures()
        if outcome.changed { failed.eraseFromIndex([path]) }
        failed.say()
        for warning in Privacy.leftovers(of: remove, in: outcome.file) { print(warning) }
        let reports = RecordedReport.all(SessionStore.standard()).filter { $0.reports(on: outcome.file) }
        if outcome.changed, !reports.isEmpty {
            print("Reports written from it before still hold what was taken out; write them again, or delete them:")
            for report in reports { print("  " + VisibleText.visible(report.path)) }
        }
        if failed.any { throw ExitCode(1) }
    }
}

/// `redact FILE` without --remove: the notes in the user's editor.
enum RedactEditor {
    /// The outcome of editing, or nil when nothing is to change (said already).
    static func edit(_ session: SessionFile, path: String, now: Date) throws -> Redaction.Outcome? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let document = RedactionDocument(file: session, name: name)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(name).redact.\(getpid()).txt")
        do {
            try SessionStore.writeAtomically(Data(document.text.utf8), to: temporary)
        } catch {
            printError("cannot write the notes to edit: \(error)")
            throw ExitCode(1)
        }
        defer { _ = try? Erasure.deleteFile(temporary.path) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        while true {
            let status = run(editor, on: temporary.path)
            guard status == 0 else {
                printError("the editor (\(editor)) exited with status \(status): nothing changed")
                throw ExitCode(1)
            }
            guard let data = FileManager.default.contents(atPath: temporary.path), let edited = String(data: data, encoding: .utf8) else {
                printError("the edited notes (\(temporary.path)) cannot be read as UTF-8 text: nothing changed")
                throw ExitCode(2)
            }
            if edited == document.text {
                print("Nothing taken out: \(VisibleText.visible(path)) is as it was.")
                return nil
            }
            do throws(InputError) {
                return try document.apply(edited, file: temporary.path, now: now)
            } catch {
                printError(error.description + "; nothing changed")
                guard isatty(STDIN_FILENO) == 1 else { throw ExitCode(2) }
                print("Edit again? [Y/n] ", terminator: "")
                fflush(nil)
                let answer = readLine()?.trimmed.lowercased() ?? "n"
                guard answer.isEmpty || answer.hasPrefix("y") else { throw ExitCode(2) }
            }
        }
    }

    /// Runs `editor FILE` through the shell (so that `EDITOR="code --wait"` works) on this
    /// terminal, in this process group, and waits for it. Not with Foundation's `Process`,
    /// which gives the child no terminal to read. While it runs, Ctrl-C and Ctrl-\\ reach
    /// the editor only; it starts with every signal at its default.
    static func run(_ editor: String, on file: String) -> Int32 {
        let previous = (signal(SIGINT, SIG_IGN), signal(SIGQUIT, SIG_IGN))
        defer {
            signal(SIGINT, previous.0)
            signal(SIGQUIT, previous.1)
        }
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
        let command: String = editor + " \"$1\""
        let arguments: [String] = ["/bin/sh", "-c", command, "sh", file]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ)
        guard spawned == 0 else {
            printError("cannot start the editor (\(editor)): \(String(cString: strerror(spawned)))")
            return 127
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Exited normally: its status; killed by a signal: 128 + the signal, as a shell says.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
