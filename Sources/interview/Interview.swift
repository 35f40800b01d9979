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

/// Every command names itself (`commandName:`): without it ArgumentParser derives each
/// name from the type at every launch, a runtime lookup that costs milliseconds of
/// startup per command (docs/benchmarks.md).
@main
struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Conduct, practise, replay and report technical interviews in the terminal.",
        discussion: HelpExamples.discussion(Defaults.discussion, "interview"),
        version: "0.1.0",
        subcommands: [Run.self, Resume.self, Practice.self, Replay.self, Mirror.self, Join.self, Banks.self, Themes.self, Validate.self, New.self, Import.self, Report.self, Stats.self, IndexCommand.self,
                      DebriefCommand.self, Purge.self, Forget.self, Anonymize.self, Redact.self],
        defaultSubcommand: Run.self
    )

    /// As ArgumentParser's, but bad usage exits 2 (its default is 64), as README's exit codes say.
    static func main() {
        if let script = Complete.fishScript(Array(CommandLine.arguments.dropFirst())) {
            print(script, terminator: "")
            return
        }
        if let message = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
            printError(message)
            exit(withError: ExitCode(2))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                // One style for every error: `interview: message`, not `interview: Error: message`.
                let message = fullMessage(for: error)
                printError(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message)
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

extension Interview {
    /// `interview WORD …` runs the bank WORD (the default command is `run`): a word that is
    /// neither a command, nor a file, nor a bank's name is a mistyped command far more often
    /// than a missing bank. Nil when `arguments` are not such a case.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !commands.contains(word), !FileManager.default.fileExists(atPath: word) else { return nil }
        var banks: [String] = []
        do {
            let library = try BankLibrary.standard()
            // A clash or a missing team folder is the bank's own error: `run` says it.
            if try library.lookup(word) != nil { return nil }
            banks = library.names()
        } catch {
            return nil
        }
        let suggestion = Suggestion.phrase(for: word, among: commands.filter { $0 != "help" } + banks)
        return "unknown command or bank '\(word)'"
            + (suggestion.isEmpty ? ": expected a command (see `interview --help`), a bank file or a bank's name (see `interview banks`)"
                                  : "; " + suggestion)
    }
}

/// Prints a problem with the user's input the way every command does: one line on
/// stderr, exit code 2.
func exitWithInputError(_ error: InputError) -> ExitCode {
    printError(error.description)
    return ExitCode(2)
}

extension Result where Failure == InputError {
    /// The value, or exit 2 once the problem is said (`exitWithInputError`).
    func valueOrExit() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw exitWithInputError(error)
        }
    }
}

/// The screen commands draw on the terminal and read keys from it. With either one
/// redirected they would write escape codes into a file, or spin on an input that has
/// ended: they stop instead, after checking their input and before anything is saved.
func requireTerminal() throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        let input = isatty(STDIN_FILENO) == 1, output = isatty(STDOUT_FILENO) == 1
        let what = input ? "standard output is not one" : output ? "standard input is not one" : "neither standard input nor output is one"
        printError("this command needs a terminal, and \(what): run it in a terminal, without redirecting its input or output (for a file, see `interview report`)")
        throw ExitCode(2)
    }
}

func printError(_ message: String) {
    var stderr = StandardError()
    print("interview: " + message, to: &stderr)
}

struct StandardError: TextOutputStream {
    /// Messages quote paths, titles and names that can hold escape sequences: each
    /// line is shown with visible marks, never as it is.
    mutating func write(_ string: String) {
        writeAll(Array(VisibleText.visibleLines(string).utf8), to: STDERR_FILENO)
    }
}

/// Writes every byte to `descriptor`, unless it refuses them.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var written = 0
    while written < bytes.count {
        let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return }
        written += count
    }
}
