import ArgumentParser

@main
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render notes.")
    @Argument var paths: [String] = ["notes/"]
    func run() throws {}
}
