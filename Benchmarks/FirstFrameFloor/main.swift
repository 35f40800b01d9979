import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

// The least a Swift program under interview's constraints can do before its first
// screen: link FoundationEssentials (as interview does, without ICU), read the bank, put
// its first lines in the alternate screen.
// `scripts/bench` times it beside `interview run` and `less`, so the first-frame row
// shows how much of interview's time is its own work and how much the floor.
//
//   first-frame-floor run BANK [--candidate NAME]   parsed by ArgumentParser, as interview's `run`
//   first-frame-floor --bare BANK                   no command-line parser at all
//
// Either way it prints `floor ready` on the last line and waits for a signal.

/// The options of interview's `run` command, kinds and defaults alike, under a root
/// command with `run` as its default subcommand: ArgumentParser's cost at launch is
/// its reflection over the command it parses, so the floor parses the same shape.
struct Floor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-frame-floor", version: "1", subcommands: [Run.self], defaultSubcommand: Run.self)
}

struct Look: ParsableArguments {
    @Option var theme: String?
}

struct Pointer: ParsableArguments {
    @Flag(name: .customLong("no-mouse")) var noMouse = false
}

enum CandidateClock: String, CaseIterable, ExpressibleByArgument {
    case none, question, both
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run")

    @Argument var bank: String
    @Option var candidate: String = ""
    @Option var interviewer: String?
    @Option(name: [.customShort("o"), .customLong("output"), .customLong("out")]) var out: String?
    @Flag var share = false
    @Flag var now = false
    @Option var duration: String?
    @Option var questions: String?
    @Option var tags: String?
    @Option var candidateClock: CandidateClock = .question
    @OptionGroup var look: Look
    @OptionGroup var pointer: Pointer

    func run() { showFirstScreen(of: bank) }
}

func showFirstScreen(of path: String) -> Never {
    guard let data = FileManager.default.contents(atPath: path) else {
        let message = "first-frame-floor: cannot read \(path)\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        exit(2)
    }
    let text = String(decoding: data, as: UTF8.self)
    var size = winsize()
    let rows = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 1 ? Int(size.ws_row) : 24
    let columns = size.ws_col > 0 ? Int(size.ws_col) : 80
    // Alternate screen, home, clear; each line ends with a clear-to-end and CR LF.
    var screen = "\u{1b}[?1049h\u{1b}[H\u{1b}[2J"
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows - 1) {
        screen += line.prefix(columns - 1) + "\u{1b}[K\r\n"
    }
    screen += "floor ready"
    let bytes = Array(screen.utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    while true { pause() }
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--bare" {
    showFirstScreen(of: CommandLine.arguments[2])
}
Floor.main()
