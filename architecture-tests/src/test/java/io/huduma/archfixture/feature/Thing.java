package io.huduma.archfixture.feature;

/** Fixture: a model type that maps itself to protobuf, as the catalogue's Agency once did. */
public record Thing(String sw, String en) {

    public io.huduma.contracts.common.v1.LocalizedText toProto() {
        return io.huduma.contracts.common.v1.LocalizedText.newBuilder().setSw(sw).setEn(en).build();
    }
}
