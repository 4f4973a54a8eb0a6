package org.tkdworkbench.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.RuntimeSetup;

/** The bundled MXNet engine starts from the jar's own native library, offline. */
@Tag("engine")
class EngineOfflineTest {
  @Test
  void mxnetIsTheDefaultEngineAndComputesOffline() {
    RuntimeSetup.apply();
    assertThat(Utils.isOfflineMode()).as("DJL offline mode").isTrue();
    Engine engine = Engine.getInstance();
    // Both engines are on the classpath; with nothing asked, RuntimeSetup makes MXNet the default.
    // mvn -Ppytorch asks for PyTorch (ai.djl.default_engine) and says so in tkd.test.engine.
    String expected = System.getProperty("tkd.test.engine", "MXNet");
    assertThat(engine.getEngineName()).isEqualTo(expected);
    assertThat(Engines.current()).isEqualTo(expected);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
      // [[1,2],[3,4]] x [[1,2],[3,4]] = [[7,10],[15,22]]
      assertThat(a.matMul(a).toFloatArray()).containsExactly(7f, 10f, 15f, 22f);
    }
  }
}
