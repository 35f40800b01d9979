import ArgumentParser
import Foundation
import InterviewKit

/// Every command names itself (`commandName:`): without it ArgumentParser derives each
/// name from the type at every launch, a runtime lookup that costs milliseconds of
/// startup per command (docs/benchmarks.md).
@main
struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Conduct, practise, replay and report technical interviews in the terminal.",
        version: "0.1.0",
        subcommands: [Run.self, Resume.self, Practice.self, Replay.self, Mirror.self, Banks.self, Themes.self, Validate.self, Import.self, Report.self, Stats.self],
        defaultSubcommand: Run.self
    )

    /// As ArgumentParser's, but bad usage exits 2 (its default is 64), as DESIGN.md promises.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Prints a problem with the user's input the way every command does: one line on
/// stderr, exit code 2.
func exitWithInputError(_ error: InputError) -> ExitCode {
    printError(error.description)
    return ExitCode(2)
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
    mutating func write(_ string: String) {
        FileHandleOutput.stderr(string)
    }
}
