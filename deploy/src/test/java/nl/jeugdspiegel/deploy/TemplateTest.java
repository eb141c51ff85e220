package nl.jeugdspiegel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security properties of template.yaml, read as YAML (CloudFormation tags such as {@code !Sub} are
 * read as the plain value they tag): encrypted private buckets, TLS only, no wildcard actions, prefix-
 * scoped function policies, the municipality role's tag condition, and triggers that no output matches.
 */
class TemplateTest {

    private static JsonNode template;
    private static JsonNode resources;
    private static JsonNode globals;

    @BeforeAll
    static void load() throws Exception {
        template = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../template.yaml").toFile());
        resources = template.get("Resources");
        globals = template.get("Globals");
    }

    private static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> out = new HashMap<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                out.put(e.getKey(), e.getValue().get("Properties"));
            }
        });
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.addAll(texts(n)));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    /** Every policy statement of the template, with where it comes from. */
    private static List<Map.Entry<String, JsonNode>> statements() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            String type = e.getValue().path("Type").asText();
            if (type.equals("AWS::KMS::Key")) {
                return; // key policies grant the account's administrators, as AWS requires
            }
            p.path("Policies").forEach(policy -> {
                policy.path("Statement").forEach(s -> {
                    if (s.isArray()) {
                        // !If [condition, statement, !Ref AWS::NoValue]: the statement when the condition holds
                        s.forEach(branch -> {
                            if (branch.isObject()) {
                                out.add(Map.entry(e.getKey(), branch));
                            }
                        });
                    } else {
                        out.add(Map.entry(e.getKey(), s));
                    }
                });
                policy.path("PolicyDocument").path("Statement").forEach(s -> out.add(Map.entry(e.getKey(), s)));
            });
            // a policy of its own on a function's role (IngestFunctionRole) counts as that function's
            String owner = type.equals("AWS::IAM::Policy")
                            && p.path("Roles").size() == 1
                            && p.at("/Roles/0").asText().endsWith("FunctionRole")
                    ? p.at("/Roles/0").asText().replaceFirst("Role$", "")
                    : e.getKey();
            p.path("PolicyDocument").path("Statement").forEach(s -> out.add(Map.entry(owner, s)));
        });
        return out;
    }

    @Test
    void everyBucketIsEncryptedPrivateAndTlsOnly() {
        Map<String, JsonNode> buckets = ofType("AWS::S3::Bucket");
        assertEquals(4, buckets.size(), "data, site, Athena results and audit: " + buckets.keySet());
        Map<String, JsonNode> policies = ofType("AWS::S3::BucketPolicy");
        buckets.forEach((name, bucket) -> {
            assertFalse(
                    bucket.at(
                                    "/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                            .asText()
                            .isEmpty(),
                    name + " encrypted");
            JsonNode block = bucket.get("PublicAccessBlockConfiguration");
            for (String flag :
                    List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertTrue(block.path(flag).asBoolean(), name + " " + flag);
            }
            boolean tlsOnly = policies.values().stream()
                    .filter(p -> p.path("Bucket").asText().equals(name))
                    .flatMap(p -> toList(p.at("/PolicyDocument/Statement")).stream())
                    .anyMatch(s -> s.path("Effect").asText().equals("Deny")
                            && s.at("/Condition/Bool/aws:SecureTransport")
                                    .asText()
                                    .equals("false"));
            assertTrue(tlsOnly, name + " has a TLS-only policy");
        });
        assertTrue(buckets.get("DataBucket")
                .at("/VersioningConfiguration/Status")
                .asText()
                .equals("Enabled"));
        assertTrue(buckets.get("SiteBucket")
                .at("/VersioningConfiguration/Status")
                .asText()
                .equals("Enabled"));
        List<String> lifecycle = new ArrayList<>();
        buckets.get("DataBucket")
                .at("/LifecycleConfiguration/Rules")
                .forEach(r -> lifecycle.add(r.path("Prefix").asText()));
        assertTrue(lifecycle.containsAll(List.of("uploads/", "quarantine/", "receipts/")), lifecycle.toString());
        assertFalse(buckets.get("AthenaResultsBucket")
                .at("/LifecycleConfiguration/Rules/0/ExpirationInDays")
                .isMissingNode());
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void theNotificationPerReceiptIsOptionalAndIngestMayPublishOnlyThere() {
        JsonNode topic = resources.get("ReceiptTopic");
        assertEquals("AWS::SNS::Topic", topic.path("Type").asText());
        assertEquals("HasReceiptTopic", topic.path("Condition").asText(), "only when ReceiptNotifications is true");
        assertEquals(
                "false", template.at("/Parameters/ReceiptNotifications/Default").asText());
        JsonNode env = ofType("AWS::Serverless::Function").get("IngestFunction").at("/Environment/Variables");
        assertEquals(List.of("HasReceiptTopic", "ReceiptTopic", ""), texts(env.get("RECEIPT_TOPIC_ARN")));
        List<JsonNode> publish = statements().stream()
                .filter(e -> texts(e.getValue().get("Action")).contains("sns:Publish"))
                .filter(e -> e.getKey().endsWith("Function"))
                .map(Map.Entry::getValue)
                .toList();
        assertEquals(1, publish.size());
        assertTrue(
                String.join("", texts(publish.get(0).get("Resource")))
                        .endsWith(":jeugdspiegel-${Stage}-ontvangstbewijzen"),
                "the topic by its name: " + texts(publish.get(0).get("Resource")));
        // its own key (contract v1.3), not the AWS-managed one; only the ingest role may use it, only through SNS
        assertEquals(List.of("ReceiptTopicKey"), texts(topic.at("/Properties/KmsMasterKeyId")));
        JsonNode key = resources.get("ReceiptTopicKey");
        assertEquals("HasReceiptTopic", key.path("Condition").asText());
        assertEquals("true", key.at("/Properties/EnableKeyRotation").asText());
        for (JsonNode statement : key.at("/Properties/KeyPolicy/Statement")) {
            List<String> actions = texts(statement.get("Action"));
            boolean use = actions.stream()
                    .anyMatch(a -> a.equals("kms:Decrypt")
                            || a.startsWith("kms:GenerateDataKey")
                            || a.equals("kms:Encrypt")
                            || a.equals("kms:*"));
            if (use) {
                assertEquals(
                        List.of("IngestFunctionRole.Arn"), texts(statement.at("/Principal/AWS")), statement.toString());
                assertEquals(
                        List.of("sns.${AWS::Region}.amazonaws.com"),
                        texts(statement.at("/Condition/StringEquals/kms:ViaService")));
            }
        }
        // the indicators function writes only the overlap files beside the receipts, never a receipt itself
        for (Map.Entry<String, JsonNode> e : statements()) {
            if (e.getKey().equals("IndicatorsFunction")) {
                for (String resource : texts(e.getValue().path("Resource"))) {
                    assertFalse(resource.endsWith("/receipts/*"), resource);
                }
            }
        }
    }

    @Test
    void noWildcardActionsOrResourcesAreAllowed() {
        for (Map.Entry<String, JsonNode> e : statements()) {
            JsonNode s = e.getValue();
            if (!s.path("Effect").asText().equals("Allow")) {
                continue;
            }
            for (String action : texts(s.get("Action"))) {
                assertFalse(action.equals("*") || action.endsWith(":*"), e.getKey() + " allows " + action);
            }
            for (String resource : texts(s.path("Resource"))) {
                assertFalse(resource.equals("*"), e.getKey() + " allows on every resource");
            }
        }
    }

    @Test
    void functionPoliciesAreScopedToPrefixes() {
        Map<String, List<String>> allowedPrefixes = Map.of(
                "IngestFunction",
                        List.of(
                                "/uploads/*",
                                "/lake/trajecten/*",
                                "/lake/wachtend/*",
                                "/receipts/*",
                                "/quarantine/*",
                                "/reference/productcodes/*",
                                "/reference/aanbieders.csv"),
                "IndicatorsFunction",
                        List.of(
                                "/lake/trajecten/*",
                                "/lake/wachtend/*",
                                "/reference/bevolking/*",
                                "/reference/aanbieders.csv",
                                "/indicators/*",
                                "/receipts/*/overlap/*"),
                "ReportFunction", List.of("/indicators/*", "${SiteBucket.Arn}/*"));
        Map<String, JsonNode> functions = ofType("AWS::Serverless::Function");
        assertEquals(allowedPrefixes.keySet(), functions.keySet());
        for (Map.Entry<String, JsonNode> e : statements()) {
            if (!functions.containsKey(e.getKey())
                    || !e.getValue().path("Effect").asText().equals("Allow")) {
                continue;
            }
            JsonNode s = e.getValue();
            for (String action : texts(s.get("Action"))) {
                for (String resource : texts(s.path("Resource"))) {
                    if (action.equals("s3:ListBucket")) {
                        boolean scoped =
                                !s.at("/Condition/StringLike/s3:prefix").isMissingNode()
                                        || resource.contains("SiteBucket");
                        assertTrue(scoped, e.getKey() + " lists the data bucket without a prefix condition");
                    } else if (action.startsWith("s3:")) {
                        assertTrue(
                                allowedPrefixes.get(e.getKey()).stream().anyMatch(resource::endsWith),
                                e.getKey() + " " + action + " on " + resource);
                    }
                }
            }
        }
    }

    @Test
    void municipalitiesReachOnlyTheirOwnPrefixesThroughTheSessionTag() {
        JsonNode role = resources.at("/MunicipalityUploadRole/Properties");
        JsonNode trust = role.at("/AssumeRolePolicyDocument/Statement/0");
        assertTrue(texts(trust.get("Action")).contains("sts:TagSession"));
        assertEquals(
                "GM????",
                trust.at("/Condition/StringLike/aws:RequestTag~1gemeentecode").asText());
        List<String> actions = new ArrayList<>();
        for (JsonNode s : role.at("/Policies/0/PolicyDocument/Statement")) {
            for (String action : texts(s.get("Action"))) {
                actions.add(action);
                for (String resource : texts(s.get("Resource"))) {
                    // its own uploads, receipts and quarantine copies, and its own product mapping (contract §2)
                    String ownMapping =
                            "${DataBucket.Arn}/reference/productcodes/${!aws:PrincipalTag/gemeentecode}.csv";
                    if (action.equals("s3:PutObject")) {
                        assertTrue(
                                resource.equals("${DataBucket.Arn}/uploads/${!aws:PrincipalTag/gemeentecode}/*")
                                        || resource.equals(ownMapping),
                                resource);
                    } else if (action.equals("s3:GetObject")) {
                        assertTrue(
                                resource.matches(
                                                "\\$\\{DataBucket.Arn}/(receipts|quarantine)/\\$\\{!aws:PrincipalTag/gemeentecode}/\\*")
                                        || resource.equals(ownMapping),
                                resource);
                    }
                }
            }
        }
        assertTrue(actions.containsAll(List.of("s3:PutObject", "s3:GetObject")));
        assertFalse(actions.contains("s3:DeleteObject"));
    }

    @Test
    void triggersAreFilteredSoNoOutputRetriggersItsFunction() {
        Map<String, String[]> triggers = new HashMap<>();
        Map<String, List<String>> suffixes = new HashMap<>();
        ofType("AWS::Serverless::Function")
                .forEach((name, f) -> f.path("Events").forEach(event -> {
                    if (event.path("Type").asText().equals("S3")) {
                        JsonNode rules = event.at("/Properties/Filter/S3Key/Rules");
                        String prefix = "";
                        String suffix = "";
                        for (JsonNode r : rules) {
                            if (r.path("Name").asText().equals("prefix")) {
                                prefix = r.path("Value").asText();
                            } else {
                                suffix = r.path("Value").asText();
                            }
                        }
                        assertTrue(
                                !triggers.containsKey(name) || triggers.get(name)[0].equals(prefix),
                                name + ": one prefix");
                        triggers.put(name, new String[] {prefix, suffix});
                        suffixes.computeIfAbsent(name, n -> new ArrayList<>()).add(suffix);
                    }
                }));
        assertEquals("uploads/", triggers.get("IngestFunction")[0]);
        assertEquals(
                List.of(""),
                suffixes.get("IngestFunction"),
                "every object under uploads/ gets a receipt: one trigger, no suffix filter (contract v1.3 section 1)");
        assertEquals("indicators/manifest", triggers.get("ReportFunction")[0]);
        // ingest writes lake/, receipts/, quarantine/: none starts with uploads/
        for (String output : List.of("lake/trajecten/", "receipts/", "quarantine/")) {
            assertFalse(output.startsWith(triggers.get("IngestFunction")[0]), output);
        }
        // the lake notification goes to the indicators queue; indicators writes indicators/, which it does not watch
        JsonNode queueRule = resources.at(
                "/DataBucket/Properties/NotificationConfiguration/QueueConfigurations/0/Filter/S3Key/Rules");
        assertEquals("lake/trajecten/", queueRule.get(0).path("Value").asText());
        assertEquals(".parquet", queueRule.get(1).path("Value").asText());
        assertFalse("indicators/".startsWith("lake/trajecten/"));
        // the report writes to the site bucket, which has no notifications at all
        assertTrue(
                resources.at("/SiteBucket/Properties/NotificationConfiguration").isMissingNode());
    }

    @Test
    void functionsRunJava21OnArmWithDeadLettersAndAlarms() {
        assertEquals("java21", globals.at("/Function/Runtime").asText());
        assertEquals("arm64", globals.at("/Function/Architectures/0").asText());
        assertEquals(
                "PublishedVersions",
                resources.at("/IngestFunction/Properties/SnapStart/ApplyOn").asText());
        assertEquals(
                1,
                resources
                        .at("/IndicatorsFunction/Properties/ReservedConcurrentExecutions")
                        .asInt());
        Map<String, JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
        for (String fn : List.of("IngestFunction", "IndicatorsFunction", "ReportFunction")) {
            assertTrue(
                    alarms.values().stream()
                            .anyMatch(a -> a.path("MetricName").asText().equals("Errors")
                                    && a.at("/Dimensions/0/Value").asText().equals(fn)),
                    "errors alarm on " + fn);
        }
        for (String queue : List.of("IngestDeadLetterQueue", "IndicatorsDeadLetterQueue", "ReportDeadLetterQueue")) {
            assertTrue(
                    alarms.values().stream()
                            .anyMatch(a -> a.path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")
                                    && a.at("/Dimensions/0/Value").asText().startsWith(queue)),
                    "depth alarm on " + queue);
        }
    }

    @Test
    void athenaTablesUsePartitionProjection() {
        for (String table : List.of("TrajectenTable", "IndicatorsTable")) {
            JsonNode parameters = resources.at("/" + table + "/Properties/TableInput/Parameters");
            assertEquals("true", parameters.path("projection.enabled").asText(), table);
            assertTrue(parameters.path("projection.periode.values").asText().contains("2021H1"), table);
        }
        assertEquals(
                342,
                resources
                        .at("/TrajectenTable/Properties/TableInput/Parameters/projection.gemeente.values")
                        .asText()
                        .split(",")
                        .length);
        assertEquals(
                "SSE_KMS",
                resources
                        .at(
                                "/AthenaWorkGroup/Properties/WorkGroupConfiguration/ResultConfiguration/EncryptionConfiguration/EncryptionOption")
                        .asText());
    }

    private static JsonNode lifecycleRule(String prefix) {
        for (JsonNode rule : resources.at("/DataBucket/Properties/LifecycleConfiguration/Rules")) {
            if (rule.path("Prefix").asText().equals(prefix)) {
                return rule;
            }
        }
        throw new AssertionError("no lifecycle rule for " + prefix);
    }

    private static JsonNode parameter(String name) {
        return template.at("/Parameters/" + name);
    }

    @Test
    void rawUploadsExpireAfterThirtyDaysAndQuarantineAfterNinety() {
        JsonNode uploads = lifecycleRule("uploads/");
        assertEquals("UploadRetentionDays", uploads.path("ExpirationInDays").asText());
        assertEquals(30, parameter("UploadRetentionDays").path("Default").asInt());
        assertEquals(
                1, uploads.at("/NoncurrentVersionExpiration/NoncurrentDays").asInt(), "a replaced upload goes too");
        assertEquals(
                "QuarantineRetentionDays",
                lifecycleRule("quarantine/").path("ExpirationInDays").asText());
        assertEquals(90, parameter("QuarantineRetentionDays").path("Default").asInt());
        assertEquals(
                "ReceiptRetentionDays",
                lifecycleRule("receipts/").path("ExpirationInDays").asText());
        assertEquals(1825, parameter("ReceiptRetentionDays").path("Default").asInt());
    }

    @Test
    void theSessionTagIsTheCallersOwnGemeentecodeNotOneItPicks() {
        JsonNode condition =
                resources.at("/MunicipalityUploadRole/Properties/AssumeRolePolicyDocument/Statement/0/Condition");
        assertEquals(
                "${aws:PrincipalTag/gemeentecode}",
                condition.at("/StringEquals/aws:RequestTag~1gemeentecode").asText());
        assertEquals(
                "false",
                condition.at("/Null/aws:PrincipalTag~1gemeentecode").asText(),
                "a caller without the tag is refused");
        assertEquals(
                "GM????",
                condition.at("/StringLike/aws:PrincipalTag~1gemeentecode").asText());
        assertEquals(List.of("gemeentecode"), texts(condition.at("/ForAllValues:StringEquals/aws:TagKeys")));
    }

    @Test
    void onlyTheIngestFunctionAndTheBreakGlassRoleCanReadThePseudonymKey() {
        JsonNode secret = resources.at("/PseudonymKeySecret/Properties");
        assertEquals("PseudonymKey", secret.path("KmsKeyId").asText(), "a key of its own, not the data key");
        // the key policy: administrators manage the key but cannot decrypt; decrypt is for the two roles only
        for (JsonNode statement : resources.at("/PseudonymKey/Properties/KeyPolicy/Statement")) {
            List<String> actions = texts(statement.get("Action"));
            String principal = statement.at("/Principal/AWS").toString();
            if (principal.contains(":root")) {
                assertFalse(
                        actions.contains("kms:*")
                                || actions.contains("kms:Decrypt")
                                || actions.stream().anyMatch(a -> a.startsWith("kms:ReEncrypt")),
                        "account administrators may not decrypt: " + actions);
            }
            if (actions.contains("kms:Decrypt")) {
                assertTrue(
                        principal.contains("IngestFunctionRole.Arn") && principal.contains("BreakGlassRoleArn"),
                        principal);
                assertFalse(principal.contains(":root"), principal);
            }
        }
        // the secret's own policy denies everyone else reading or replacing it, whatever IAM allows
        JsonNode deny = resources.at("/PseudonymKeySecretPolicy/Properties/ResourcePolicy/Statement/0");
        assertEquals("Deny", deny.path("Effect").asText());
        assertEquals("*", deny.path("Principal").asText());
        assertTrue(texts(deny.get("Action"))
                .containsAll(List.of(
                        "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue",
                        "secretsmanager:UpdateSecret")));
        String allowed = deny.at("/Condition/ArnNotEquals/aws:PrincipalArn").toString();
        assertTrue(allowed.contains("IngestFunctionRole.Arn") && allowed.contains("BreakGlassRoleArn"), allowed);
        assertEquals(
                "PseudonymKeySecret",
                resources.at("/PseudonymKeySecretPolicy/Properties/SecretId").asText());
    }

    @Test
    void alarmsArriveTheTopicKeyAdmitsCloudWatch() {
        String key = resources.at("/AlarmTopic/Properties/KmsMasterKeyId").asText();
        assertFalse(key.startsWith("alias/aws/"), "CloudWatch cannot publish under the AWS-managed SNS key");
        boolean admitted = false;
        for (JsonNode statement : resources.at("/" + key + "/Properties/KeyPolicy/Statement")) {
            if (statement.at("/Principal/Service").asText().equals("cloudwatch.amazonaws.com")) {
                admitted = texts(statement.get("Action")).containsAll(List.of("kms:Decrypt", "kms:GenerateDataKey*"));
            }
        }
        assertTrue(admitted, "the key policy of " + key + " admits CloudWatch");
        assertEquals(
                "cloudwatch.amazonaws.com",
                resources
                        .at("/AlarmTopicPolicy/Properties/PolicyDocument/Statement/0/Principal/Service")
                        .asText());
    }

    @Test
    void everyFunctionLogsToItsOwnEncryptedLogGroupWithARetention() {
        Map<String, JsonNode> groups = ofType("AWS::Logs::LogGroup");
        ofType("AWS::Serverless::Function").forEach((name, function) -> {
            String group = function.at("/LoggingConfig/LogGroup").asText();
            assertTrue(groups.containsKey(group), name + " logs to " + group);
            assertEquals(
                    "LogRetentionDays",
                    groups.get(group).path("RetentionInDays").asText());
            assertEquals("DataKey.Arn", groups.get(group).path("KmsKeyId").asText());
            assertTrue(
                    groups.get(group)
                            .path("LogGroupName")
                            .asText()
                            .endsWith(function.path("FunctionName").asText().replace("jeugdspiegel-${Stage}-", "")),
                    name);
        });
        assertEquals(3, groups.size());
    }

    @Test
    void everyReadAndWriteOfTheDataBucketIsInALockedAuditTrail() {
        JsonNode trail = resources.at("/DataAccessTrail/Properties");
        assertTrue(trail.path("EnableLogFileValidation").asBoolean());
        assertEquals("AuditBucket", trail.path("S3BucketName").asText());
        String selectors = trail.path("AdvancedEventSelectors").toString();
        assertTrue(
                selectors.contains("\"Data\"")
                        && selectors.contains("AWS::S3::Object")
                        && selectors.contains("${DataBucket.Arn}/"),
                selectors);
        JsonNode bucket = resources.at("/AuditBucket/Properties");
        assertTrue(bucket.path("ObjectLockEnabled").asBoolean());
        assertEquals(
                "AuditRetentionDays",
                bucket.at("/ObjectLockConfiguration/Rule/DefaultRetention/Days").asText());
    }

    @Test
    void aMalformedQueueMessageIsDroppedNotRetriedWithTheBatch() {
        JsonNode event = resources.at("/IndicatorsFunction/Properties/Events/LakeChanged/Properties");
        assertEquals(List.of("ReportBatchItemFailures"), texts(event.get("FunctionResponseTypes")));
        assertEquals(
                "RunsFailed",
                resources.at("/IndicatorsRunsFailedAlarm/Properties/MetricName").asText(),
                "a failed run returns its messages and raises no Lambda error: its own alarm");
    }

    /**
     * The data bucket's ARN is the bucket's own ({@code DataBucket.Arn}) in every policy; its name is spelled only where
     * a resource must not wait for the bucket (its definition, the indicators queue's source condition and the report's
     * setting), and the same each time.
     */
    @Test
    void theDataBucketIsNamedOnceAndItsArnIsTheBucketsOwn() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("../template.yaml"));
        String name = resources.at("/DataBucket/Properties/BucketName").asText();
        assertEquals("jeugdspiegel-data-${Stage}-${AWS::AccountId}-${AWS::Region}", name);
        assertEquals(3, text.split(java.util.regex.Pattern.quote(name), -1).length - 1, "the name's spellings");
        assertEquals(
                "arn:${AWS::Partition}:s3:::" + name,
                resources
                        .at(
                                "/IndicatorsQueuePolicy/Properties/PolicyDocument/Statement/0/Condition/ArnEquals/aws:SourceArn")
                        .asText());
        assertEquals(
                name,
                resources
                        .at("/ReportFunction/Properties/Environment/Variables/DATA_BUCKET")
                        .asText());
        for (Map.Entry<String, JsonNode> e : statements()) {
            for (String resource : texts(e.getValue().path("Resource"))) {
                assertFalse(resource.contains(":s3:::jeugdspiegel-data-"), e.getKey() + " spells the ARN: " + resource);
            }
        }
        for (String function : List.of("IngestFunction", "IndicatorsFunction", "ReportFunction")) {
            assertTrue(
                    statements().stream()
                            .anyMatch(e -> e.getKey().equals(function)
                                    && texts(e.getValue().path("Resource")).stream()
                                            .anyMatch(r ->
                                                    r.startsWith("${DataBucket.Arn}/") || r.equals("DataBucket.Arn"))),
                    function + " reaches the data bucket by its ARN");
        }
    }

    /**
     * The alarm watches the metric Powertools writes: its namespace (Globals) and its Service dimension (the indicators
     * function's service name); a mismatch would leave the alarm silent forever.
     */
    @Test
    void theRunsFailedAlarmWatchesThePowertoolsMetric() {
        JsonNode alarm = resources.at("/IndicatorsRunsFailedAlarm/Properties");
        assertEquals(
                template.at("/Globals/Function/Environment/Variables/POWERTOOLS_METRICS_NAMESPACE")
                        .asText(),
                alarm.path("Namespace").asText());
        assertEquals("Service", alarm.at("/Dimensions/0/Name").asText());
        assertEquals(
                resources
                        .at("/IndicatorsFunction/Properties/Environment/Variables/POWERTOOLS_SERVICE_NAME")
                        .asText(),
                alarm.at("/Dimensions/0/Value").asText());
        for (String function : List.of("IngestFunction", "IndicatorsFunction", "ReportFunction")) {
            assertTrue(
                    resources
                            .at("/" + function + "/Properties/Environment/Variables/POWERTOOLS_SERVICE_NAME")
                            .isTextual(),
                    function + " names its service");
        }
    }
}
