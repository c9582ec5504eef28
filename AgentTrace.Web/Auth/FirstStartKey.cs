using System.Text.Json;
using System.Text.Json.Serialization;
using AgentTrace.Web.Configuration;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Auth;

/// <summary>
/// The admin key of tenant <c>default</c> made on the first start when no key is configured. It is printed
/// once and kept only as its hash in the data folder.
/// </summary>
public sealed partial class FirstStartKey(IOptions<ServerOptions> options, IHostEnvironment environment, ILogger<FirstStartKey> logger)
{
    public const string FileName = "admin-key.json";
    public const string Tenant = "default";

    public string FilePath => Path.Combine(options.Value.DataFolder(environment), FileName);

    /// <summary>Loads the stored key's hash, or makes, prints and stores a new key.</summary>
    public (string Hash, ApiIdentity Identity) Ensure()
    {
        var identity = new ApiIdentity("first-start-admin", Tenant, ApiRole.Admin);
        if (File.Exists(FilePath))
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllText(FilePath), StoredKeyContext.Default.StoredKey);
            if (stored is { KeySha256: { } hash } && KeyHash.IsHash(hash))
            {
                LogExisting(FilePath);
                return (hash.ToLowerInvariant(), identity);
            }
        }

        var key = KeyHash.NewKey();
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, JsonSerializer.Serialize(new StoredKey(KeyHash.Of(key), Tenant, "admin", DateTimeOffset.UtcNow), StoredKeyContext.Default.StoredKey));
        LogCreated(key, FilePath);
        return (KeyHash.Of(key), identity);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key is configured. Created an admin key for tenant 'default': {Key} . It is shown only now and stored hashed in {Path}; delete that file to make a new one.")]
    private partial void LogCreated(string key, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "No API key is configured; the first-start admin key (stored hashed in {Path}) is in use. Delete that file and restart to make a new one.")]
    private partial void LogExisting(string path);

    internal sealed record StoredKey(string KeySha256, string Tenant, string Role, DateTimeOffset CreatedAt);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
    [JsonSerializable(typeof(StoredKey))]
    internal sealed partial class StoredKeyContext : JsonSerializerContext;
}
