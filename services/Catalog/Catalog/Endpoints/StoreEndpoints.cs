using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Catalog.Endpoints;

/// <summary>
/// Marketplace stores. Credentials are checked per marketplace, protected with Data Protection and never
/// returned or logged: responses list only the names of the fields that are set. PUT changes the fields it
/// is given and keeps the others; the marketplace of a store cannot change.
/// </summary>
internal static partial class StoreEndpoints
{
    public sealed record CredentialsRequest(long? PartnerId, string? PartnerKey, long? ShopId, string? AccessToken, string? AppKey, string? AppSecret, string? ShopCipher);

    public sealed record StoreRequest(string? Marketplace, string? Name, string? Region, string? BaseUrl, CredentialsRequest? Credentials, IReadOnlyList<string?>? PlatformWarehouseIds);

    public sealed record StoreResponse(
        Guid Id,
        Marketplace Marketplace,
        string Name,
        string Region,
        string BaseUrl,
        IReadOnlyList<string> PlatformWarehouseIds,
        IReadOnlyList<string> CredentialsSet,
        long Version,
        DateTime CreatedAt,
        DateTime UpdatedAt);

    const string LogCategory = "PushInventory.Catalog.Stores";

    public static RouteGroupBuilder MapStoreEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/stores", CreateAsync);
        group.MapGet("/stores", ListAsync);
        group.MapGet("/stores/{id:guid}", GetAsync);
        group.MapPut("/stores/{id:guid}", UpdateAsync);
        group.MapDelete("/stores/{id:guid}", DeleteAsync);
        return group;
    }

    static async Task<Results<Created<StoreResponse>, ValidationProblem>> CreateAsync(
        StoreRequest request, HttpContext http, CatalogDbContext db, StoreCredentialsProtector protector, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!MarketplaceRules.TryParse(request.Marketplace, out var marketplace))
        {
            validation.Add("marketplace", $"'marketplace' must be one of {string.Join(", ", Enum.GetNames<Marketplace>())}.");
        }

        validation.Text(request.Name, "name", CatalogLimits.MaxNameLength);
        var region = Region(request.Region, validation, required: true);
        var warehouses = WarehouseIds(request.PlatformWarehouseIds, validation) ?? [];
        var baseUrl = validation.IsValid ? BaseUrl(request.BaseUrl, marketplace, region!, validation) : null;
        var credentials = validation.IsValid ? CredentialsJson(marketplace, request.Credentials, validation) : null;
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var store = new Store
        {
            Id = Guid.CreateVersion7(),
            TenantId = http.GetTenantId(),
            Marketplace = marketplace,
            Name = request.Name!.Trim(),
            Region = region!,
            BaseUrl = baseUrl!,
            PlatformWarehouseIds = warehouses,
            ProtectedCredentials = protector.Protect(credentials!),
            CredentialFields = [.. MarketplaceRules.CredentialFields(marketplace)],
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Stores.Add(store);
        db.AddOutboxMessage(ToEvent(store, deleted: false, now), now);
        await db.SaveChangesAsync(cancellationToken);
        LogStoreChanged(logs.CreateLogger(LogCategory), store.Id, store.TenantId, store.Marketplace, "created", store.Version);
        return TypedResults.Created($"/api/catalog/stores/{store.Id}", ToResponse(store));
    }

    static async Task<Results<Ok<Page<StoreResponse>>, ValidationProblem>> ListAsync(
        int? limit, string? cursor, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var (take, after) = Paging.Read(limit, cursor, 1, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = db.Stores.AsNoTracking().Where(s => s.TenantId == tenantId);
        if (after is not null)
        {
            if (!Guid.TryParse(after[0], out var last))
            {
                return validation.Add("cursor", "'cursor' is not a cursor this list returned.").ToProblem();
            }

            query = query.Where(s => s.Id > last);
        }

        // Ids are version 7 GUIDs: their order is creation order.
        var rows = await query.OrderBy(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, s => [s.Id.ToString()], ToResponse));
    }

    static async Task<Results<Ok<StoreResponse>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenantId, cancellationToken);
        return store is null ? NotFound(id) : TypedResults.Ok(ToResponse(store));
    }

    static async Task<Results<Ok<StoreResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, StoreRequest request, HttpContext http, CatalogDbContext db, StoreCredentialsProtector protector, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenantId, cancellationToken);
        if (store is null)
        {
            return NotFound(id);
        }

        var validation = new Validation();
        if (request.Marketplace is not null && (!MarketplaceRules.TryParse(request.Marketplace, out var marketplace) || marketplace != store.Marketplace))
        {
            validation.Add("marketplace", $"The marketplace of a store cannot change (it is {store.Marketplace}); create another store instead.");
        }

        validation.Text(request.Name, "name", CatalogLimits.MaxNameLength, required: false);
        var region = request.Region is null ? store.Region : Region(request.Region, validation, required: true);
        var warehouses = WarehouseIds(request.PlatformWarehouseIds, validation) ?? store.PlatformWarehouseIds;
        string? baseUrl = null;
        if (validation.IsValid)
        {
            // A store on its marketplace's default address follows its region; an address given by hand stays.
            var onDefault = store.BaseUrl == MarketplaceRules.DefaultBaseUrl(store.Marketplace, store.Region);
            baseUrl = request.BaseUrl is null && !onDefault ? store.BaseUrl : BaseUrl(request.BaseUrl, store.Marketplace, region!, validation);
        }

        var credentials = validation.IsValid && request.Credentials is not null ? CredentialsJson(store.Marketplace, request.Credentials, validation) : null;
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? store.Name : request.Name.Trim();
        var credentialsChanged = credentials is not null && !SameCredentials(protector, store.ProtectedCredentials, credentials);
        var changed = name != store.Name || region != store.Region || baseUrl != store.BaseUrl
            || !warehouses.SequenceEqual(store.PlatformWarehouseIds) || credentialsChanged;
        if (!changed)
        {
            return TypedResults.Ok(ToResponse(store));
        }

        var now = time.GetUtcNow().UtcDateTime;
        store.Name = name;
        store.Region = region!;
        store.BaseUrl = baseUrl!;
        store.PlatformWarehouseIds = [.. warehouses];
        if (credentialsChanged)
        {
            store.ProtectedCredentials = protector.Protect(credentials!);
            store.CredentialFields = [.. MarketplaceRules.CredentialFields(store.Marketplace)];
        }

        store.Version++;
        store.UpdatedAt = now;
        db.AddOutboxMessage(ToEvent(store, deleted: false, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The store was changed by another request; read it again and retry.");
        }

        LogStoreChanged(logs.CreateLogger(LogCategory), store.Id, store.TenantId, store.Marketplace, credentialsChanged ? "updated (credentials replaced)" : "updated", store.Version);
        return TypedResults.Ok(ToResponse(store));
    }

    /// <summary>Deletes the store and its store SKUs; each gets its deleted event.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, CatalogDbContext db, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenantId, cancellationToken);
        if (store is null)
        {
            return NotFound(id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var skus = await db.StoreSkus.Where(s => s.StoreId == id && s.TenantId == tenantId).ToListAsync(cancellationToken);
        foreach (var sku in skus)
        {
            sku.Version++;
            db.AddOutboxMessage(StoreSkuEndpoints.ToEvent(sku, store.Marketplace, deleted: true, now), now);
        }

        db.StoreSkus.RemoveRange(skus);
        store.Version++;
        db.AddOutboxMessage(ToEvent(store, deleted: true, now) with { ProtectedCredentials = "" }, now);
        db.Stores.Remove(store);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("The store or one of its SKUs was changed by another request; retry.");
        }

        LogStoreChanged(logs.CreateLogger(LogCategory), store.Id, store.TenantId, store.Marketplace, "deleted", store.Version);
        return TypedResults.NoContent();
    }

    static string? Region(string? value, Validation validation, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                validation.Add("region", "'region' is required (a marketplace country code such as PH).");
            }

            return null;
        }

        var region = value.Trim().ToUpperInvariant();
        if (region.Length is < 2 or > 10 || !region.All(char.IsAsciiLetter))
        {
            validation.Add("region", "'region' must be 2 to 10 letters, such as PH.");
            return null;
        }

        return region;
    }

    static string? BaseUrl(string? value, Marketplace marketplace, string region, Validation validation)
    {
        if (marketplace == Marketplace.Lazada && MarketplaceRules.DefaultBaseUrl(marketplace, region) is null)
        {
            validation.Add("region", $"Lazada runs in {string.Join(", ", MarketplaceRules.LazadaRegions)}; '{region}' is not one of them.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return MarketplaceRules.DefaultBaseUrl(marketplace, region);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || value.Trim().Length > 500)
        {
            validation.Add("baseUrl", "'baseUrl' must be an absolute http or https URL of at most 500 characters.");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            validation.Add("baseUrl", "'baseUrl' must not carry user info, a query or a fragment; credentials go in 'credentials'.");
            return null;
        }

        return value.Trim().TrimEnd('/');
    }

    static List<string>? WarehouseIds(IReadOnlyList<string?>? ids, Validation validation)
    {
        if (ids is null)
        {
            return null;
        }

        if (ids.Count > CatalogLimits.MaxPlatformWarehouseIds)
        {
            validation.Add("platformWarehouseIds", $"At most {CatalogLimits.MaxPlatformWarehouseIds} platform warehouse ids.");
            return null;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            validation.Text(ids[i], $"platformWarehouseIds[{i}]", CatalogLimits.MaxPlatformWarehouseIdLength);
        }

        var list = ids.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).ToList();
        if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            validation.Add("platformWarehouseIds", "Each platform warehouse id may be listed once.");
        }

        return list;
    }

    /// <summary>The credentials JSON to protect (camelCase, the marketplace's fields only), or null with every missing field named.</summary>
    internal static string? CredentialsJson(Marketplace marketplace, CredentialsRequest? credentials, Validation validation)
    {
        var fields = MarketplaceRules.CredentialFields(marketplace);
        if (credentials is null)
        {
            validation.Add("credentials", $"'credentials' is required for a {marketplace} store: {string.Join(", ", fields)}.");
            return null;
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var path = $"credentials.{field}";
            if (field is "partnerId" or "shopId")
            {
                var number = field == "partnerId" ? credentials.PartnerId : credentials.ShopId;
                if (number is > 0)
                {
                    values[field] = number.Value;
                }
                else
                {
                    validation.Add(path, $"'{path}' is required for a {marketplace} store (a positive 64-bit integer).");
                }

                continue;
            }

            var text = field switch
            {
                "partnerKey" => credentials.PartnerKey,
                "accessToken" => credentials.AccessToken,
                "appKey" => credentials.AppKey,
                "appSecret" => credentials.AppSecret,
                _ => credentials.ShopCipher,
            };
            if (string.IsNullOrWhiteSpace(text))
            {
                validation.Add(path, $"'{path}' is required for a {marketplace} store.");
            }
            else if (text.Trim().Length > CatalogLimits.MaxSecretLength || text.Any(char.IsControl))
            {
                validation.Add(path, $"'{path}' must be at most {CatalogLimits.MaxSecretLength} characters without control characters.");
            }
            else
            {
                values[field] = text.Trim();
            }
        }

        return values.Count == fields.Count ? JsonSerializer.Serialize(values, JsonSerializerOptions.Default) : null;
    }

    static bool SameCredentials(StoreCredentialsProtector protector, string protectedPayload, string json)
    {
        try
        {
            return protector.Unprotect(protectedPayload) == json;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    static StoreChanged ToEvent(Store store, bool deleted, DateTime now) =>
        new(store.TenantId, store.Id, store.Marketplace, store.Name, store.Region, store.BaseUrl, [.. store.PlatformWarehouseIds], store.ProtectedCredentials, deleted, store.Version, now);

    static StoreResponse ToResponse(Store s) =>
        new(s.Id, s.Marketplace, s.Name, s.Region, s.BaseUrl, s.PlatformWarehouseIds, s.CredentialFields, s.Version, s.CreatedAt, s.UpdatedAt);

    static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No store with id '{id}'.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {StoreId} of tenant {TenantId} ({Marketplace}) {Change}, version {Version}")]
    static partial void LogStoreChanged(ILogger logger, Guid storeId, Guid tenantId, Marketplace marketplace, string change, long version);
}
