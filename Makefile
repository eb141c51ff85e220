# Build targets for `sam build` (template.yaml: Metadata BuildMethod: makefile). SAM runs
# `make build-<LogicalId>` with ARTIFACTS_DIR set; these targets can also be run by hand:
#   make build-IngestFunction ARTIFACTS_DIR=/tmp/ingest
MVN ?= mvn -B -q -DskipTests

build-CoreLayer:
	$(MVN) package -pl layers/core -am
	unzip -q -o layers/core/target/jeugdspiegel-core-*-layer.zip -d "$(ARTIFACTS_DIR)"

build-IngestFunction:
	$(MVN) package -pl functions/ingest -am
	unzip -q -o functions/ingest/target/jeugdspiegel-ingest-function-*-lambda.zip -d "$(ARTIFACTS_DIR)"

build-IndicatorsFunction:
	$(MVN) package -pl functions/indicators -am
	unzip -q -o functions/indicators/target/jeugdspiegel-indicators-function-*-lambda.zip -d "$(ARTIFACTS_DIR)"

build-ReportFunction:
	$(MVN) package -pl functions/report -am
	unzip -q -o functions/report/target/jeugdspiegel-report-function-*-lambda.zip -d "$(ARTIFACTS_DIR)"

.PHONY: build-CoreLayer build-IngestFunction build-IndicatorsFunction build-ReportFunction
