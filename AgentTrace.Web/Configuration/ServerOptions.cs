namespace AgentTrace.Web.Configuration;

/// <summary>Server-wide settings (<c>AgentTrace</c>).</summary>
public sealed class ServerOptions
{
    public const string Section = "AgentTrace";

    /// <summary>Folder for the generated key and local data; relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "data";

    public string DataFolder(IHostEnvironment environment) => Path.GetFullPath(DataPath, environment.ContentRootPath);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(DataPath))
        {
            yield return $"{Section}:DataPath must not be empty";
        }
    }
}
