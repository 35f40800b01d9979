import PackagePlugin

/// Compiles the files of a target that are not Swift sources into it: every such file
/// (the whole folder, so that none can be left out) goes into one generated
/// `EmbeddedResources.swift`, an internal `enum EmbeddedResources` that holds each
/// file's exact bytes under its file name (folders left out: two files of one name
/// fail the build). The program then reads them with no Bundle and no file system
/// access, wherever it is installed.
///
/// The files stay the sources of truth; the generated file lives in the build folder
/// only, written again when one of them changes. The tool that writes it is the
/// `embed-resources` executable (Plugins/EmbedResourcesTool).
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let files = module.sourceFiles
            .filter { $0.type != .source && $0.type != .header }
            .map(\.url)
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) file(s) into \(target.name)",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
