using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace AgentTrace.Tests.Support;

/// <summary>
/// A C# client generated from an OpenAPI document by Kiota (the dotnet tool of the repository's tool manifest, which
/// <c>scripts/test.sh</c> restores), compiled with a scenario written against it and loaded for one test. Kiota runs
/// offline (no update check, no telemetry) and within <see cref="GenerateTimeout"/>; the assembly is unloaded on dispose.
/// </summary>
public sealed class GeneratedClient : IDisposable
{
    public const string Namespace = "AgentTrace.Client";
    public const string ClassName = "AgentTraceClient";

    private static readonly TimeSpan GenerateTimeout = TimeSpan.FromMinutes(2);

    private readonly AssemblyLoadContext _context;
    private readonly string _folder;

    private GeneratedClient(AssemblyLoadContext context, Assembly assembly, string folder)
    {
        _context = context;
        Assembly = assembly;
        _folder = folder;
    }

    public Assembly Assembly { get; }

    /// <summary>Generates the client of <paramref name="documentJson"/> and compiles it with <paramref name="sources"/>.</summary>
    public static async Task<GeneratedClient> BuildAsync(string documentJson, IReadOnlyDictionary<string, string> sources, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-client-").FullName;
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(document, documentJson, cancellationToken);
            var output = Path.Combine(folder, "client");
            await GenerateAsync(document, output, cancellationToken);
            var image = Compile(output, sources);
            var context = new AssemblyLoadContext("generated-client", isCollectible: true);
            return new GeneratedClient(context, context.LoadFromStream(new MemoryStream(image)), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The text of a source file embedded in the test assembly (<c>Api/GeneratedClient/*</c>).</summary>
    public static string EmbeddedSource(string fileName)
    {
        using var stream = typeof(GeneratedClient).Assembly.GetManifestResourceStream("GeneratedClient." + fileName)
            ?? throw new InvalidOperationException($"no embedded source GeneratedClient.{fileName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        _context.Unload();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task GenerateAsync(string document, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output,
            "--namespace-name", Namespace, "--class-name", ClassName, "--exclude-backward-compatible", "--clean-output",
            "--serializer", typeof(JsonSerializationWriterFactory).FullName!, "--deserializer", typeof(JsonParseNodeFactory).FullName!,
            "--log-level", "Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // No update check, no telemetry, no hints or colours: the generator touches nothing but its files.
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["KIOTA_CONSOLE_COLORS_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GenerateTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kiota did not finish within {GenerateTimeout.TotalSeconds} s");
        }

        var log = await stdout + await stderr;
        if (process.ExitCode != 0 || !Directory.Exists(output))
        {
            throw new InvalidOperationException(
                $"kiota failed (exit {process.ExitCode}); restore the tools with 'dotnet tool restore' (scripts/test.sh does):\n{log}");
        }
    }

    private static byte[] Compile(string folder, IReadOnlyDictionary<string, string> sources)
    {
        // The generated code enables nullable annotations under these symbols, as a net10.0 project defines them.
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["NET", "NET10_0_OR_GREATER", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER"]);
        var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file, Encoding.UTF8))
            .Concat(sources.Select(source => CSharpSyntaxTree.ParseText(source.Value, parse, source.Key, Encoding.UTF8)))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse, "Usings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "AgentTrace.Client.Generated",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(d => d.ToString());
            throw new InvalidOperationException("the generated client does not compile with its scenario:\n" + string.Join("\n", errors));
        }

        return image.ToArray();
    }

    /// <summary>The framework and the Kiota libraries the test runs on.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(IRequestAdapter).Assembly.Location, typeof(HttpClientRequestAdapter).Assembly.Location, typeof(JsonParseNodeFactory).Assembly.Location])
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal);
        return paths.Select(path => MetadataReference.CreateFromFile(path));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("no .config/dotnet-tools.json above the test assembly: the tests run from a checkout of the repository");
    }
}
