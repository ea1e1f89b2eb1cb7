<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the block (JSON on the clipboard)</source>
        <translation>剪切模块（以 JSON 放到剪贴板）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the block as JSON</source>
        <translation>将模块复制为 JSON</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste the block on the clipboard after the selection</source>
        <translation>把剪贴板上的模块粘贴到所选模块之后</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Duplicate the selected block</source>
        <translation>为所选模块创建副本</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected block</source>
        <translation>删除所选模块</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected block up</source>
        <translation>将所选模块上移</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selected block down</source>
        <translation>将所选模块下移</translation>
    </message>
    <message>
        <source>Wrap in &amp;Sequential</source>
        <translation>放入 Sequential(&amp;S)</translation>
    </message>
    <message>
        <source>Put the block in a named group</source>
        <translation>把模块放进一个命名的组</translation>
    </message>
    <message>
        <source>Wrap in &amp;Residual</source>
        <translation>放入 Residual(&amp;R)</translation>
    </message>
    <message>
        <source>Make the block the body of a residual connection</source>
        <translation>让模块成为残差连接的主体</translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation>取消分组(&amp;N)</translation>
    </message>
    <message>
        <source>Put the group&apos;s blocks in its place</source>
        <translation>用组内的模块替换这个组</translation>
    </message>
    <message>
        <source>Add &amp;Branch</source>
        <translation>添加分支(&amp;B)</translation>
    </message>
    <message>
        <source>Add an empty branch to the concatenation</source>
        <translation>给拼接添加一个空分支</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl+wheel)</source>
        <translation>放大（或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (or Ctrl+wheel)</source>
        <translation>缩小（或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to actual size</source>
        <translation>缩放到实际大小</translation>
    </message>
    <message>
        <source>&amp;Expand All Groups</source>
        <translation>展开所有组(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse All Groups</source>
        <translation>折叠所有组(&amp;C)</translation>
    </message>
    <message>
        <source>Select the previous block</source>
        <translation>选择上一个模块</translation>
    </message>
    <message>
        <source>Select the next block</source>
        <translation>选择下一个模块</translation>
    </message>
    <message>
        <source>Select the input</source>
        <translation>选择输入</translation>
    </message>
    <message>
        <source>Select the last block</source>
        <translation>选择最后一个模块</translation>
    </message>
    <message>
        <source>Collapse the selected group</source>
        <translation>折叠所选的组</translation>
    </message>
    <message>
        <source>Expand the selected group</source>
        <translation>展开所选的组</translation>
    </message>
    <message>
        <source>Collapse or expand the selected group</source>
        <translation>折叠或展开所选的组</translation>
    </message>
    <message>
        <source>Edit the selected block in the Inspector (or double-click it)</source>
        <translation>在检查器中编辑所选模块（或双击它）</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a design file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit CNN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the layer palette (Enter adds the first match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List all keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CNN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the active model (design, weights, metrics) as a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a checkpoint and make it the active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn a torchvision model or a PyTorch module into a design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Design page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Train page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to D&amp;raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Draw page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Kernel Slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Kernel slide page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block &amp;Previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on every block what it makes of the input sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train, pause or resume (on the Train page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-on lessons that check your design as you edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training and keep the weights so far (on the Train page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on Several &amp;GPUs/Machines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The torchrun command for this design and settings, and a job folder to copy to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <source>slope (max {value})</source>
        <translation>斜率（最大 {value}）</translation>
    </message>
    <message>
        <source>f′ max {value}</source>
        <translation>f′ 最大 {value}</translation>
    </message>
</context>
<context>
    <name>ArithmeticPanel</name>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
</context>
<context>
    <name>BlockInspector</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>Block inspector</source>
        <translation>模块检查器</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>optional name shown on the card</source>
        <translation>可选：显示在卡片上的名称</translation>
    </message>
    <message>
        <source>Parameters</source>
        <comment>the section of the block&apos;s settings</comment>
        <translation>参数</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>Bold when set; the reset button returns it to torch&apos;s default.</source>
        <translation>设置后显示为粗体；重置按钮恢复 torch 的默认值。</translation>
    </message>
    <message>
        <source>Reset {name} to torch&apos;s default</source>
        <translation>将 {name} 重置为 torch 的默认值</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分支</translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation>添加分支</translation>
    </message>
    <message>
        <source>Remove last branch</source>
        <translation>删除最后一个分支</translation>
    </message>
    <message>
        <source>About</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The image every sample starts as</source>
        <translation>每个样本最初的图像</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Set the input to {shape}</source>
        <translation>把输入设为 {shape}</translation>
    </message>
    <message>
        <source>Channels are 1 for greyscale (MNIST) and 3 for colour (CIFAR-10, ImageNet). Every block&apos;s shape follows from this one; change it and watch them all update.</source>
        <translation>灰度图像（MNIST）为 1 个通道，彩色图像（CIFAR-10、ImageNet）为 3 个通道。每个模块的形状都由它推出；改一改，看它们全部随之更新。</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>design name</source>
        <translation>设计名称</translation>
    </message>
    <message>
        <source>a sentence about this design</source>
        <translation>用一句话介绍这个设计</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Select a block to edit it. Drag layers from the palette into the design, or double-click one to add it after the selected block.</source>
        <translation>选择一个模块来编辑它。从层面板把层拖进设计，或双击一个层，把它添加到所选模块之后。</translation>
    </message>
    <message>
        <source>1 branch, concatenated on channels</source>
        <translation>1 个分支，沿通道拼接</translation>
    </message>
    <message>
        <source>{count} branches, concatenated on channels</source>
        <translation>{count} 个分支，沿通道拼接</translation>
    </message>
    <message>
        <source>{total} ({trainable} trainable)</source>
        <translation>{total}（可训练 {trainable}）</translation>
    </message>
    <message>
        <source>{count} per image</source>
        <translation>每张图像 {count}</translation>
    </message>
    <message>
        <source>empty: drag layers in</source>
        <translation>空：请拖入层</translation>
    </message>
    <message>
        <source>ready to train</source>
        <translation>可以训练</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editing paused.&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;编辑已暂停。&lt;/b&gt;{reason}</translation>
    </message>
</context>
<context>
    <name>BlockMime</name>
    <message>
        <source>not a block (the dropped data is not UTF-8 text)</source>
        <translation>不是模块（拖入的数据不是 UTF-8 文本）</translation>
    </message>
</context>
<context>
    <name>BlockPreview</name>
    <message>
        <source>+{n} ch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrained</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateBar</name>
    <message>
        <source>Use the new model</source>
        <translation>使用新模型</translation>
    </message>
    <message>
        <source>Kept {kept} active ({kept_acc} on validation): the new {new} reached {new_acc}.</source>
        <translation>仍使用 {kept}（验证准确率 {kept_acc}）：新的 {new} 达到 {new_acc}。</translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data path unknown: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data path for training from the command line or torchrun ({path}): {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message>
        <source>Design editor</source>
        <translation>设计编辑器</translation>
    </message>
    <message>
        <source>The clipboard holds no block to paste</source>
        <translation>剪贴板上没有可粘贴的模块</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}</source>
        <translation>无法粘贴：{reason}</translation>
    </message>
    <message>
        <source>Paste {type}</source>
        <translation>粘贴 {type}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editing paused.&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;编辑已暂停。&lt;/b&gt;{reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editing paused.&lt;/b&gt;</source>
        <translation>&lt;b&gt;编辑已暂停。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt;&lt;br&gt;{shape} (channels × height × width)&lt;br&gt;Select it to change the shape.</source>
        <translation>&lt;b&gt;输入&lt;/b&gt;&lt;br&gt;{shape}（通道 × 高 × 宽）&lt;br&gt;选中它即可修改形状。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt;&lt;br&gt;{shape} values per image</source>
        <translation>&lt;b&gt;输出&lt;/b&gt;&lt;br&gt;每张图像 {shape} 个值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt;&lt;br&gt;Unknown until the errors above are fixed.</source>
        <translation>&lt;b&gt;输出&lt;/b&gt;&lt;br&gt;修正上面的错误之前无法确定。</translation>
    </message>
    <message>
        <source>{params} parameters, {macs} MACs</source>
        <translation>{params} 个参数，{macs} 次乘加运算</translation>
    </message>
    <message>
        <source>Receptive field {size}</source>
        <translation>感受野 {size}</translation>
    </message>
    <message>
        <source>Cannot drop: {reason}</source>
        <translation>无法放下：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>Remove branch %n</source>
        <translation>
            <numerusform>删除分支 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折叠</translation>
    </message>
</context>
<context>
    <name>DigitViewOptions</name>
    <message>
        <source>What the network gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre and scale like MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: the drawing is cropped to its ink, scaled to 20 pixels and centred, as MNIST was made. Off: the whole canvas is shrunk to 28×28 as it is, so the network sees the digit where and as big as you drew it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}:&lt;/b&gt; {blocks} kept no trained weights (new or reshaped by the edit), so its answers are partly guesses. Use the pretrained model, or train it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its output is a {shape} map ({count} numbers), not class scores: shown as it is, no probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the design on the Design page ({name}): edit or train that one to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {shape} map, not a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network sees ({h}×{w})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {shape} input the network gets, pixel for pixel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchvision:NAME for a torchvision classifier, or module:package.module:ClassOrFactory for any nn.Module built without arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C,H,W, e.g. 3,224,224 (torchvision: optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a state_dict file (.pt, .pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished">输入</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished">权重</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a model first, e.g. torchvision:resnet18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights to load</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelSlidePage</name>
    <message>
        <source>Sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your own input, kernels and bias (the tutorials&apos; worked examples) and watch the same animation and arithmetic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox: typed numbers, no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not the design being edited ({name})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the window (remembered for the next start)</source>
        <translation>窗口的语言（下次启动时沿用）</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Layer palette</source>
        <translation>层面板</translation>
    </message>
    <message>
        <source>Filter layers…</source>
        <translation>筛选层…</translation>
    </message>
</context>
<context>
    <name>LayerTerms</name>
    <message>
        <source>number of output channels</source>
        <translation>输出通道数</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>dilation</source>
        <translation>空洞率</translation>
    </message>
    <message>
        <source>number of groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>padding mode</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>round the output size up</source>
        <translation>输出尺寸向上取整</translation>
    </message>
    <message>
        <source>count padding in the mean</source>
        <translation>均值计入填充</translation>
    </message>
    <message>
        <source>output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>epsilon for numerical stability</source>
        <translation>数值稳定项 ε</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>learnable scale and shift</source>
        <translation>可学习的缩放与平移</translation>
    </message>
    <message>
        <source>track running statistics</source>
        <translation>跟踪运行统计量</translation>
    </message>
    <message>
        <source>element-wise scale and shift</source>
        <translation>逐元素缩放与平移</translation>
    </message>
    <message>
        <source>number of channel groups</source>
        <translation>通道组数</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>coefficient alpha</source>
        <translation>系数 α</translation>
    </message>
    <message>
        <source>exponent beta</source>
        <translation>指数 β</translation>
    </message>
    <message>
        <source>additive constant</source>
        <translation>加性常数</translation>
    </message>
    <message>
        <source>initial value</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>slope for negative inputs</source>
        <translation>负输入的斜率</translation>
    </message>
    <message>
        <source>approximation</source>
        <translation>近似方式</translation>
    </message>
    <message>
        <source>number of slopes</source>
        <translation>斜率个数</translation>
    </message>
    <message>
        <source>initial slope</source>
        <translation>初始斜率</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>drop probability</source>
        <translation>丢弃概率</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>scale factor</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <source>upscale factor</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <source>first channel</source>
        <translation>起始通道</translation>
    </message>
    <message>
        <source>end channel (not included)</source>
        <translation>结束通道（不含）</translation>
    </message>
    <message>
        <source>first dimension</source>
        <translation>起始维度</translation>
    </message>
    <message>
        <source>last dimension</source>
        <translation>结束维度</translation>
    </message>
    <message>
        <source>number of output features</source>
        <translation>输出特征数</translation>
    </message>
    <message>
        <source>{name} ({term})</source>
        <translation>{name} {term}</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>&lt;b&gt;Welcome to CNN Playground.&lt;/b&gt; Short lessons walk you from padding and stride to residual networks: each gives you a design and a task, and checks your work as you edit.</source>
        <translation>&lt;b&gt;欢迎使用 CNN Playground。&lt;/b&gt;一组简短的课程带你从填充和步幅一路走到残差网络：每节课给你一个设计和一个任务，并在你编辑时检查你的成果。</translation>
    </message>
    <message>
        <source>Start the first lesson</source>
        <translation>开始第一课</translation>
    </message>
    <message>
        <source>Just explore</source>
        <translation>随便看看</translation>
    </message>
    <message>
        <source>Pick a lesson: its design opens in the editor, and the panel tells you when the task is solved.</source>
        <translation>选择一节课：它的设计会在编辑器中打开，任务解决时面板会告诉你。</translation>
    </message>
    <message>
        <source>◂ All lessons</source>
        <translation>◂ 全部课程</translation>
    </message>
    <message>
        <source>Show the block</source>
        <translation>显示该模块</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Next lesson ▸</source>
        <translation>下一课 ▸</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>part {n} of {m}</source>
        <translation>第 {n}/{m} 部分</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Lesson {n} of {m}</source>
        <translation>第 {n}/{m} 课</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Task, part {n} of {m}</source>
        <translation>任务，第 {n}/{m} 部分</translation>
    </message>
    <message>
        <source>Runs you train on the Train page count as evidence ({count} in this window so far).</source>
        <translation>你在训练页训练的运行都算作证据（本窗口目前 {count} 次）。</translation>
    </message>
    <message>
        <source>Select {path} in the editor</source>
        <translation>在编辑器中选择 {path}</translation>
    </message>
    <message>
        <source>✓ Solved</source>
        <translation>✓ 已解决</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <source>✓ Part {n} solved: {why}</source>
        <translation>✓ 第 {n} 部分已解决：{why}</translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave is off: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} damaged autosave(s) could not be read and were set aside: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkOverview</name>
    <message>
        <source>Draw a digit to see the whole network at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network was not built from its design here: its blocks cannot be shown one by one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormCube</name>
    <message>
        <source>N (samples)</source>
        <translation>N（样本）</translation>
    </message>
    <message>
        <source>C (channels)</source>
        <translation>C（通道）</translation>
    </message>
</context>
<context>
    <name>NormPicture</name>
    <message>
        <source>One mean and std over {axes} (shaded), {count}.</source>
        <translation>在 {axes} 上（阴影部分）求一个均值和标准差，{count}。</translation>
    </message>
</context>
<context>
    <name>OptionalPairField</name>
    <message>
        <source>= kernel size</source>
        <translation>= 卷积核大小</translation>
    </message>
    <message>
        <source>Leave it unset: it then equals the kernel size</source>
        <translation>不设置：此时等于卷积核大小</translation>
    </message>
</context>
<context>
    <name>OutputMapView</name>
    <message>
        <source>Draw a digit to see the network&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel {c}, at ({r}, {k}): {v:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values from {low:.3g} to {high:.3g}; hover a cell for its value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewCanvas</name>
    <message>
        <source>Input</source>
        <translation type="unfinished">输入</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{block}: class {c}, p = {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{block}: {what} {c}, values {low} … {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to slide this kernel over the digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaddingField</name>
    <message>
        <source>A number of cells on each side</source>
        <translation>每边若干格</translation>
    </message>
    <message>
        <source>&quot;same&quot;: keep H × W (stride 1 only)</source>
        <translation>&quot;same&quot;：保持 H × W（仅步幅为 1 时）</translation>
    </message>
    <message>
        <source>&quot;valid&quot;: no padding at all</source>
        <translation>&quot;valid&quot;：完全不填充</translation>
    </message>
    <message>
        <source>Choose cells, &quot;same&quot; or &quot;valid&quot;</source>
        <translation>选择格数、&quot;same&quot; 或 &quot;valid&quot;</translation>
    </message>
</context>
<context>
    <name>PairEditor</name>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>Square: keep height and width equal</source>
        <translation>正方形：保持高和宽相等</translation>
    </message>
    <message>
        <source>square</source>
        <translation>正方形</translation>
    </message>
</context>
<context>
    <name>PaletteTree</name>
    <message>
        <source>Drag into the design, or double-click to add it after the selected block.</source>
        <translation>拖进设计，或双击把它添加到所选模块之后。</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss (validation solid, training dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>{n} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} multiply-accumulates per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained on {device}, from the {source}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsScatter</name>
    <message>
        <source>#{id} {design} on {dataset}
{macs} MACs, {params} params
best validation accuracy {acc:.2f}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Filter by run or design name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every training run, from this window, earlier launches and the command line. Select several to compare their curves; double-click a name or a note to edit it. MACs: multiply-accumulates per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the run&apos;s design as a new untitled design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the run&apos;s saved weights the active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the run a name of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note about the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected runs from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run history cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design of run #{id} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of run #{id}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on run #{id}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {what} from the run history, with its metrics? This cannot be undone (saved checkpoints stay where they are).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>Your own numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input: one row a line, numbers split by spaces; a blank line starts the next channel (at most {side}×{side}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernels: one grid per input channel for output channel 0, then the same for output 1, …; a blank line between grids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One bias per output channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride: how many cells the window jumps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding: a ring of zeros around the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation: the gap between kernel taps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift the picture by one pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished">输入</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here {moved} of {cells} map cells change with the shift; after pooling the maps are {same}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bias</source>
        <translation type="unfinished">偏置</translation>
    </message>
    <message>
        <source>Your convolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>Block</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>RF</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>{count} trainable</source>
        <translation>可训练 {count}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Summary table</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <source>Receptive field: how many input pixels one output cell sees</source>
        <translation>感受野：一个输出单元能看到多少个输入像素</translation>
    </message>
</context>
<context>
    <name>TileGrid</name>
    <message>
        <source>{count} of {total} values are not numbers (NaN or infinite), shown in magenta: the weights have diverged. </source>
        <translation>{total} 个值中有 {count} 个不是数（NaN 或无穷大），以品红色显示：权重已经发散。</translation>
    </message>
</context>
<context>
    <name>TorchrunDialog</name>
    <message>
        <source>Run on several GPUs/machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine: one per GPU (on the CPU they share the cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines (nodes); on several, each runs the command with its NODE_RANK and the first machine&apos;s MASTER_ADDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the Train page&apos;s settings again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write job folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write design.json, launch.sh and a README into a folder to copy to the machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are not valid: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it where {design} is, or write the job folder and run its {launch}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It trains the saved design file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{world} process(es) in all; the batch size {batch} is per process, so the global batch is {total}. Only the first process prints and writes the checkpoint, which opens here with File ▸ Load Model. {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the training job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the job: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {files} in {folder}: copy the folder to the machines and run ./{launch} there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Too big to train here: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Opened {what} as a new design</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>write_png</name>
    <message>
        <source>the image could not be encoded as PNG</source>
        <translation>无法把图像编码为 PNG</translation>
    </message>
</context>
</TS>
