import Foundation
import Testing

/// scripts/bench's first-frame floor parses what `interview run` parses (ArgumentParser's
/// cost at launch is its reflection over the command's options): the bench's "own work"
/// row is interview less that floor, so a floor with fewer options would flatter it.
@Suite struct FirstFrameFloorEndToEndTests {
    /// The long option names in a command's `--help`, without ArgumentParser's own.
    static func options(_ help: String) -> Set<String> {
        let names = help.matches(of: /--[a-z][a-z0-9-]*/).map { String($0.output) }
        return Set(names).subtracting(["--help", "--version", "--generate-completion-script"])
    }

    @Test func theFloorTakesRunsOptions() throws {
        let floor = URL(fileURLWithPath: try Binary.path()).deletingLastPathComponent().appendingPathComponent("first-frame-floor").path
        let run = try Binary.run(["run", "--help"])
        let floorRun = try Binary.run(["run", "--help"], executable: floor)
        #expect(run.status == 0 && floorRun.status == 0, "\(run.stderr)\(floorRun.stderr)")
        let usage = { (help: String) in help.components(separatedBy: "\n\n").first { $0.hasPrefix("USAGE:") } ?? "" }
        #expect(Self.options(usage(floorRun.stdout)) == Self.options(usage(run.stdout)),
                "the floor: \(Self.options(usage(floorRun.stdout)).sorted()), run: \(Self.options(usage(run.stdout)).sorted())")
    }
}
