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
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation>开始一个新的空设计</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a design file</source>
        <translation>打开设计文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>以新名字保存</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit CNN Playground</source>
        <translation>退出 CNN Playground</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>撤销上一次编辑</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation>重做最近撤销的编辑</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Filter Layers</source>
        <translation>筛选层(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the layer palette (Enter adds the first match)</source>
        <translation>筛选层面板（Enter 添加第一个匹配项）</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation>把各面板放回最初的位置</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List all keyboard shortcuts</source>
        <translation>列出所有键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About CNN Playground</source>
        <translation>关于 CNN Playground(&amp;A)</translation>
    </message>
    <message>
        <source>Save &amp;Model…</source>
        <translation>保存模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the active model (design, weights, metrics) as a checkpoint</source>
        <translation>把当前模型（设计、权重、指标）保存为检查点</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <source>Load a checkpoint and make it the active model</source>
        <translation>加载检查点并设为当前模型</translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation>导入 PyTorch 模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Turn a torchvision model or a PyTorch module into a design</source>
        <translation>把 torchvision 模型或 PyTorch 模块变成设计</translation>
    </message>
    <message>
        <source>Go to &amp;Design</source>
        <translation>转到设计页(&amp;D)</translation>
    </message>
    <message>
        <source>Show the Design page</source>
        <translation>显示设计页</translation>
    </message>
    <message>
        <source>Go to &amp;Train</source>
        <translation>转到训练页(&amp;T)</translation>
    </message>
    <message>
        <source>Show the Train page</source>
        <translation>显示训练页</translation>
    </message>
    <message>
        <source>Go to D&amp;raw</source>
        <translation>转到绘制页(&amp;R)</translation>
    </message>
    <message>
        <source>Show the Draw page</source>
        <translation>显示绘制页</translation>
    </message>
    <message>
        <source>Go to &amp;Kernel Slide</source>
        <translation>转到卷积滑动页(&amp;K)</translation>
    </message>
    <message>
        <source>Show the Kernel slide page</source>
        <translation>显示卷积滑动页</translation>
    </message>
    <message>
        <source>Block &amp;Previews</source>
        <translation>模块预览(&amp;P)</translation>
    </message>
    <message>
        <source>Show on every block what it makes of the input sample</source>
        <translation>在每个模块上显示它对输入样本的处理结果</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train, pause or resume (on the Train page)</source>
        <translation>训练、暂停或继续（在训练页）</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Hands-on lessons that check your design as you edit</source>
        <translation>动手课程：边编辑边检查你的设计</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop training and keep the weights so far (on the Train page)</source>
        <translation>停止训练并保留目前的权重（在训练页）</translation>
    </message>
    <message>
        <source>Run on Several &amp;GPUs/Machines…</source>
        <translation>在多个 GPU/多台机器上运行(&amp;G)…</translation>
    </message>
    <message>
        <source>The torchrun command for this design and settings, and a job folder to copy to a cluster</source>
        <translation>这个设计和设置的 torchrun 命令，以及一个可复制到集群的作业文件夹</translation>
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
        <translation> 或 </translation>
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
    <name>ActiveModel</name>
    <message>
        <source>pretrained default</source>
        <translation>预训练的默认模型</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name} (not trained)</source>
        <translation>{name}（未训练）</translation>
    </message>
    <message>
        <source>{name} (edited, trained weights)</source>
        <translation>{name}（已编辑，训练过的权重）</translation>
    </message>
    <message>
        <source>{name} (edited, {count} block untrained)</source>
        <translation>{name}（已编辑，{count} 个模块未训练）</translation>
    </message>
    <message>
        <source>{name} (edited, {count} blocks untrained)</source>
        <translation>{name}（已编辑，{count} 个模块未训练）</translation>
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
    <name>Autosave</name>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自动保存失败：{error}</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder</source>
        <translation>{folder} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>cannot write in {folder} ({error})</source>
        <translation>无法写入 {folder}（{error}）</translation>
    </message>
</context>
<context>
    <name>BarStrip</name>
    <message>
        <source>max {value}</source>
        <translation>最大值 {value}</translation>
    </message>
    <message>
        <source>unit {i} ({name}): {value}</source>
        <translation>单元 {i}（{name}）：{value}</translation>
    </message>
    <message>
        <source>unit {i}: {value}</source>
        <translation>单元 {i}：{value}</translation>
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
        <translation>+{n} 个通道</translation>
    </message>
    <message>
        <source>untrained</source>
        <translation>未训练</translation>
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
    <name>ConfusionMatrixView</name>
    <message>
        <source>The confusion matrix appears after the first epoch.</source>
        <translation>第一个 epoch 结束后显示混淆矩阵。</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 张图像</translation>
    </message>
    <message>
        <source>{images} ({share}% of true {true})</source>
        <translation>{images}（占真实 {true} 的 {share}%）</translation>
    </message>
    <message>
        <source>true {true}, predicted correctly: {images}</source>
        <translation>真实 {true}，预测正确：{images}</translation>
    </message>
    <message>
        <source>true {true}, predicted {pred}: {images}</source>
        <translation>真实 {true}，预测为 {pred}：{images}</translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>Embedded MNIST (10,000 digits)</source>
        <translation>内置 MNIST（10,000 个数字）</translation>
    </message>
    <message>
        <source>10,000 handwritten digits shipped with the app: 9,000 to train, 1,000 to validate. Works offline.</source>
        <translation>随应用附带的 10,000 个手写数字：9,000 个用于训练，1,000 个用于验证。离线可用。</translation>
    </message>
    <message>
        <source>The full MNIST digits: 60,000 to train, 10,000 to validate (downloads about 12 MB).</source>
        <translation>完整的 MNIST 数字：60,000 个用于训练，10,000 个用于验证（下载约 12 MB）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>FashionMNIST（服饰）</translation>
    </message>
    <message>
        <source>28x28 grey photos of 10 kinds of clothing, 60,000 + 10,000 (about 30 MB).</source>
        <translation>10 类服饰的 28x28 灰度照片，60,000 + 10,000 张（约 30 MB）。</translation>
    </message>
    <message>
        <source>28x28 handwritten Japanese (Kuzushiji) characters, 10 classes, 60,000 + 10,000 (about 20 MB).</source>
        <translation>28x28 手写日文（草书体）字符，10 类，60,000 + 10,000 张（约 20 MB）。</translation>
    </message>
    <message>
        <source>CIFAR-10 (colour)</source>
        <translation>CIFAR-10（彩色）</translation>
    </message>
    <message>
        <source>32x32 colour photos of 10 things (planes, cats, ...), 50,000 + 10,000 (about 170 MB).</source>
        <translation>10 类物体（飞机、猫……）的 32x32 彩色照片，50,000 + 10,000 张（约 170 MB）。</translation>
    </message>
    <message>
        <source>Your own images (a folder)…</source>
        <translation>你自己的图像（一个文件夹）…</translation>
    </message>
    <message>
        <source>A folder with one subfolder per class (cats/, dogs/, ...); images are resized to the design&apos;s input.</source>
        <translation>每个类别一个子文件夹的文件夹（如 猫/、狗/……）；图像会缩放到设计的输入尺寸。</translation>
    </message>
    <message>
        <source>download cancelled</source>
        <translation>下载已取消</translation>
    </message>
    <message>
        <source>{train} to train · {val} to validate · {count} classes ({names}) · {shape}</source>
        <translation>{train} 个用于训练 · {val} 个用于验证 · {count} 个类别（{names}）· {shape}</translation>
    </message>
    <message>
        <source>What to train on. Downloaded sets are kept in {folder}</source>
        <translation>用什么数据训练。下载的数据集保存在 {folder}</translation>
    </message>
    <message>
        <source>folder with one subfolder per class</source>
        <translation>每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download this dataset into {folder}</source>
        <translation>把这个数据集下载到 {folder}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>wait until the data is ready</source>
        <translation>请等待数据准备好</translation>
    </message>
    <message>
        <source>choose a folder of images first</source>
        <translation>请先选择一个图像文件夹</translation>
    </message>
    <message>
        <source>Folder of images, one subfolder per class</source>
        <translation>图像文件夹，每个类别一个子文件夹</translation>
    </message>
    <message>
        <source>listing images…</source>
        <translation>正在列出图像…</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}：{done} / {total}</translation>
    </message>
    <message>
        <source>Streams from disk while training: {images} images at {shape} take {need}, over the memory budget of {budget}.</source>
        <translation>训练时从磁盘流式读取：{images} 张 {shape} 的图像占 {need}，超过内存预算 {budget}。</translation>
    </message>
    <message>
        <source>Held in memory while training: {images} images at {shape} take {need}, within the memory budget of {budget}.</source>
        <translation>训练时全部放在内存中：{images} 张 {shape} 的图像占 {need}，未超过内存预算 {budget}。</translation>
    </message>
    <message>
        <source>Ready: {what}</source>
        <translation>就绪：{what}</translation>
    </message>
    <message>
        <source>Download failed (offline?): {reason}</source>
        <translation>下载失败（是否离线？）：{reason}</translation>
    </message>
    <message>
        <source>{about} Not downloaded yet: click Download (it goes to {folder}).</source>
        <translation>{about} 尚未下载：点击“下载”（保存到 {folder}）。</translation>
    </message>
</context>
<context>
    <name>DesignDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>this design has no file yet; use Save As</source>
        <translation>这个设计还没有文件；请用“另存为”</translation>
    </message>
    <message>
        <source>Insert {type}</source>
        <translation>插入 {type}</translation>
    </message>
    <message>
        <source>Delete {type}</source>
        <translation>删除 {type}</translation>
    </message>
    <message>
        <source>Move {type}</source>
        <translation>移动 {type}</translation>
    </message>
    <message>
        <source>Duplicate {type}</source>
        <translation>为 {type} 创建副本</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Set {name} = {value}</source>
        <translation>设置 {name} = {value}</translation>
    </message>
    <message>
        <source>Rename block</source>
        <translation>重命名模块</translation>
    </message>
    <message>
        <source>Set input to {shape}</source>
        <translation>把输入设为 {shape}</translation>
    </message>
    <message>
        <source>Rename design</source>
        <translation>重命名设计</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>编辑描述</translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation>添加分支</translation>
    </message>
    <message>
        <source>Remove branch {number}</source>
        <translation>删除分支 {number}</translation>
    </message>
    <message>
        <source>Wrap {type} in {kind}</source>
        <translation>把 {type} 放入 {kind}</translation>
    </message>
    <message>
        <source>Ungroup {type}</source>
        <translation>取消 {type} 分组</translation>
    </message>
    <message>
        <source>The design is locked</source>
        <translation>设计已锁定</translation>
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
        <translation>网络得到的输入</translation>
    </message>
    <message>
        <source>Centre and scale like MNIST</source>
        <translation>像 MNIST 一样居中并缩放</translation>
    </message>
    <message>
        <source>On: the drawing is cropped to its ink, scaled to 20 pixels and centred, as MNIST was made. Off: the whole canvas is shrunk to 28×28 as it is, so the network sees the digit where and as big as you drew it.</source>
        <translation>开：按笔迹裁剪画面，缩放到 20 像素并居中，与 MNIST 的制作方式相同。关：整个画布原样缩小到 28×28，网络看到的数字位置和大小与你画的一样。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Shift right</source>
        <translation>右移</translation>
    </message>
    <message>
        <source>Shift down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>{n} px</source>
        <translation>{n} px</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation>绘图画布</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse, a pen or a finger.
Esc clears, Ctrl+Z undoes the last stroke.</source>
        <translation>用鼠标、手写笔或手指画一个数字。
Esc 清空，Ctrl+Z 撤销上一笔。</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>在这里画一个数字</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>显著性</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the canvas (Esc)</source>
        <translation>清空画布（Esc）</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <source>Remove the last stroke (Ctrl+Z)</source>
        <translation>删除上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Load image…</source>
        <translation>载入图片…</translation>
    </message>
    <message>
        <source>Put a picture of a digit on the canvas</source>
        <translation>把一张数字图片放到画布上</translation>
    </message>
    <message>
        <source>Pen width for new strokes</source>
        <translation>新笔画的笔宽</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>笔宽</translation>
    </message>
    <message>
        <source>Black ink on white</source>
        <translation>白底黑字</translation>
    </message>
    <message>
        <source>MNIST is white on black; the network gets white on black either way</source>
        <translation>MNIST 是黑底白字；无论如何网络得到的都是黑底白字</translation>
    </message>
    <message>
        <source>Use the default model</source>
        <translation>使用默认模型</translation>
    </message>
    <message>
        <source>The shipped network, trained on MNIST digits</source>
        <translation>随应用提供的网络，已在 MNIST 数字上训练</translation>
    </message>
    <message>
        <source>Train…</source>
        <translation>训练…</translation>
    </message>
    <message>
        <source>Train the design you are building</source>
        <translation>训练你正在搭建的设计</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>预测的数字</translation>
    </message>
    <message>
        <source>It says</source>
        <translation>它的回答</translation>
    </message>
    <message>
        <source>The network only ever sees the small picture: your drawing cropped to its ink, scaled to 20 pixels and centred in 28×28, white on black, as MNIST was made. Esc clears, Ctrl+Z undoes the last stroke.</source>
        <translation>网络只看到这张小图：你的画按笔迹裁剪，缩放到 20 像素，居中放进 28×28，黑底白字，与 MNIST 的制作方式相同。Esc 清空，Ctrl+Z 撤销上一笔。</translation>
    </message>
    <message>
        <source>The pretrained default could not be loaded: {problem}</source>
        <translation>无法载入预训练的默认模型：{problem}</translation>
    </message>
    <message>
        <source>No model.</source>
        <translation>没有模型。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No trained model is active.&lt;/b&gt;&lt;br&gt;Use the pretrained one, or train your design.</source>
        <translation>&lt;b&gt;当前没有已训练的模型。&lt;/b&gt;&lt;br&gt;请使用预训练模型，或训练你的设计。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}:&lt;/b&gt; {blocks} kept no trained weights (new or reshaped by the edit), so its answers are partly guesses. Use the pretrained model, or train it.</source>
        <translation>&lt;b&gt;{title}：&lt;/b&gt;{blocks} 没有保留训练好的权重（是新加的，或被编辑改变了形状），所以它的回答部分是猜测。请使用预训练模型，或训练它。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name} has no trained weights yet:&lt;/b&gt;&lt;br&gt;its answers are guesses. Use the pretrained model, or train it.</source>
        <translation>&lt;b&gt;{name} 还没有训练好的权重：&lt;/b&gt;&lt;br&gt;它的回答只是猜测。请使用预训练模型，或训练它。</translation>
    </message>
    <message>
        <source>Probability of each class</source>
        <translation>每个类别的概率</translation>
    </message>
    <message>
        <source>Its output is a {shape} map ({count} numbers), not class scores: shown as it is, no probabilities.</source>
        <translation>它的输出是 {shape} 的图（{count} 个数），不是类别得分：按原样显示，没有概率。</translation>
    </message>
    <message>
        <source>It takes {shape} input: the drawing is resized for it.</source>
        <translation>它接受 {shape} 的输入：画面会缩放到这个尺寸。</translation>
    </message>
    <message>
        <source>This is not the design on the Design page ({name}): edit or train that one to see it here.</source>
        <translation>这不是设计页上的设计（{name}）：编辑或训练那个设计，才能在这里看到它。</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;{title}&lt;/b&gt; · {source} · {params} parameters</source>
        <translation>模型：&lt;b&gt;{title}&lt;/b&gt; · {source} · {params} 个参数</translation>
    </message>
    <message>
        <source>A big network: it answers when the stroke ends</source>
        <translation>大型网络：笔画结束时才回答</translation>
    </message>
    <message>
        <source>The active model cannot classify this input: {error}</source>
        <translation>当前模型无法对这个输入分类：{error}</translation>
    </message>
    <message>
        <source>The maps follow when the stroke ends.</source>
        <translation>笔画结束后显示这些图。</translation>
    </message>
    <message>
        <source>a {shape} map, not a class</source>
        <translation>一张 {shape} 的图，不是类别</translation>
    </message>
    <message>
        <source>{p} sure</source>
        <translation>把握 {p}</translation>
    </message>
    <message>
        <source>{p} sure (untrained)</source>
        <translation>把握 {p}（未训练）</translation>
    </message>
    <message>
        <source>The network sees ({h}×{w})</source>
        <translation>网络所见（{h}×{w}）</translation>
    </message>
    <message>
        <source>The {shape} input the network gets, pixel for pixel</source>
        <translation>网络得到的 {shape} 输入，逐像素显示</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>画一个数字</translation>
    </message>
    <message>
        <source>No model to ask</source>
        <translation>没有可询问的模型</translation>
    </message>
    <message>
        <source>Draw a digit to see each block&apos;s output.</source>
        <translation>画一个数字，查看每个模块的输出。</translation>
    </message>
    <message>
        <source>Draw a digit to see which pixels drove the prediction.</source>
        <translation>画一个数字，查看哪些像素决定了预测。</translation>
    </message>
    <message>
        <source>{label} (predicted)</source>
        <translation>{label}（预测）</translation>
    </message>
    <message>
        <source>{label} (chosen)</source>
        <translation>{label}（所选）</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load a digit image</source>
        <translation>载入数字图片</translation>
    </message>
</context>
<context>
    <name>EditorPaint</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>identity
drop a block to project</source>
        <translation>恒等映射
放入模块以投影</translation>
    </message>
    <message>
        <source>Drag layers here from the palette</source>
        <translation>从层面板把层拖到这里</translation>
    </message>
    <message>
        <source>Drop blocks here</source>
        <translation>把模块放到这里</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>channels × height × width</source>
        <translation>通道 × 高 × 宽</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{count} params</source>
        <translation>{count} 个参数</translation>
    </message>
    <message>
        <source>no params</source>
        <translation>无参数</translation>
    </message>
    <message>
        <source>Output   {shape}</source>
        <translation>输出   {shape}</translation>
    </message>
    <message>
        <source>Output: fix the errors</source>
        <translation>输出：请先修正错误</translation>
    </message>
</context>
<context>
    <name>FeatureMapView</name>
    <message>
        <source>Previous block</source>
        <translation>上一个模块</translation>
    </message>
    <message>
        <source>Next block</source>
        <translation>下一个模块</translation>
    </message>
    <message>
        <source>The block whose output is shown</source>
        <translation>显示其输出的模块</translation>
    </message>
    <message>
        <source>Draw a digit to see each block&apos;s output.</source>
        <translation>画一个数字，查看每个模块的输出。</translation>
    </message>
    <message>
        <source>No model.</source>
        <translation>没有模型。</translation>
    </message>
    <message>
        <source>output {shape}   range {low} … {high}</source>
        <translation>输出 {shape}   范围 {low} … {high}</translation>
    </message>
    <message>
        <source>channel {c}: range {low} … {high}; at ({row}, {col}) {value}</source>
        <translation>通道 {c}：范围 {low} … {high}；在 ({row}, {col}) 处为 {value}</translation>
    </message>
    <message>
        <source>{n} more channels not shown.</source>
        <translation>另有 {n} 个通道未显示。</translation>
    </message>
    <message>
        <source>One shared colour scale for all channels. Hover a channel for its range.</source>
        <translation>所有通道共用一个色标。把鼠标悬停在通道上可查看其范围。</translation>
    </message>
    <message>
        <source>A flat output: one bar per unit. Hover a bar for its value.</source>
        <translation>展平的输出：每个单元一根柱。把鼠标悬停在柱上可查看其数值。</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>{name}: its output shape cannot be worked out</source>
        <translation>{name}：无法算出它的输出形状</translation>
    </message>
</context>
<context>
    <name>ImportModelCommand</name>
    <message>
        <source>Opened {what} as a new design</source>
        <translation>已将 {what} 作为新设计打开</translation>
    </message>
    <message>
        <source>{name}, weights from {file}</source>
        <translation>{name}，权重来自 {file}</translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch model</source>
        <translation>导入 PyTorch 模型</translation>
    </message>
    <message>
        <source>torchvision:NAME for a torchvision classifier, or module:package.module:ClassOrFactory for any nn.Module built without arguments</source>
        <translation>torchvision:NAME 表示 torchvision 的分类模型；module:package.module:ClassOrFactory 表示任何不带参数即可构建的 nn.Module</translation>
    </message>
    <message>
        <source>C,H,W, e.g. 3,224,224 (torchvision: optional)</source>
        <translation>C,H,W，例如 3,224,224（torchvision：可省略）</translation>
    </message>
    <message>
        <source>optional: a state_dict file (.pt, .pth)</source>
        <translation>可选：state_dict 文件（.pt、.pth）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Name a model first, e.g. torchvision:resnet18</source>
        <translation>请先填写模型，例如 torchvision:resnet18</translation>
    </message>
    <message>
        <source>Importing {source}…</source>
        <translation>正在导入 {source}…</translation>
    </message>
    <message>
        <source>the import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Weights to load</source>
        <translation>要加载的权重</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch 权重 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>KernelSlidePage</name>
    <message>
        <source>The Conv2d, MaxPool2d or AvgPool2d block whose window you watch.</source>
        <translation>你观察其窗口的 Conv2d、MaxPool2d 或 AvgPool2d 模块。</translation>
    </message>
    <message>
        <source>Which output channel (which filter) fills the output map.</source>
        <translation>由哪个输出通道（哪个卷积核）填充输出图。</translation>
    </message>
    <message>
        <source>One input channel&apos;s share of the sum, or the sum over every input channel (plus the bias): the layer&apos;s real output.</source>
        <translation>某一个输入通道在总和中的份额，或所有输入通道之和（加上 bias 偏置）：即该层真正的输出。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output channel</source>
        <translation>输出通道</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Sandbox…</source>
        <translation>沙盒…</translation>
    </message>
    <message>
        <source>Type your own input, kernels and bias (the tutorials&apos; worked examples) and watch the same animation and arithmetic.</source>
        <translation>输入你自己的输入、卷积核和偏置（如教程中的例题），观看同样的动画和计算。</translation>
    </message>
    <message>
        <source>Try it on a sample digit</source>
        <translation>用一个样本数字试试</translation>
    </message>
    <message>
        <source>Show the animation on a digit from the embedded MNIST set until you draw your own.</source>
        <translation>在你自己画数字之前，用内置 MNIST 数据中的一个数字演示动画。</translation>
    </message>
    <message>
        <source>Step back (Left arrow)</source>
        <translation>后退一步（左方向键）</translation>
    </message>
    <message>
        <source>Play or pause the window (Space)</source>
        <translation>播放或暂停窗口（空格键）</translation>
    </message>
    <message>
        <source>Step forward (Right arrow)</source>
        <translation>前进一步（右方向键）</translation>
    </message>
    <message>
        <source>Scrub through the window&apos;s positions, row by row.</source>
        <translation>逐行拖动浏览窗口的各个位置。</translation>
    </message>
    <message>
        <source>The current step and the output cell it writes.</source>
        <translation>当前这一步及其写入的输出单元格。</translation>
    </message>
    <message>
        <source>Playback speed: from one step a second to the whole map in about two seconds.</source>
        <translation>播放速度：从每秒一步，到大约两秒走完整张图。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Input to {name}</source>
        <translation>{name} 的输入</translation>
    </message>
    <message>
        <source>No model yet. Build a network in the editor and train it, or load a checkpoint; then this view slides its kernels over your drawing.</source>
        <translation>还没有模型。请在编辑器中搭建网络并训练它，或载入检查点；然后这里会把它的卷积核在你的画上滑动。</translation>
    </message>
    <message>
        <source>“{name}” has no Conv2d, MaxPool2d or AvgPool2d block, so there is no window to slide. Add a convolution in the editor.</source>
        <translation>“{name}”没有 Conv2d、MaxPool2d 或 AvgPool2d 模块，因此没有可以滑动的窗口。请在编辑器中添加一个卷积。</translation>
    </message>
    <message>
        <source>Draw a digit on the Draw page (Ctrl+3) to watch the kernel slide over it, multiply-add by multiply-add.</source>
        <translation>在绘制页（Ctrl+3）画一个数字，观看卷积核在上面一次次乘加地滑动。</translation>
    </message>
    <message>
        <source>The network cannot run on the drawing: {error}</source>
        <translation>网络无法在这幅画上运行：{error}</translation>
    </message>
    <message>
        <source>Input: the sample digit, normalised</source>
        <translation>输入：样本数字，已归一化</translation>
    </message>
    <message>
        <source>Input: your digit, normalised</source>
        <translation>输入：你的数字，已归一化</translation>
    </message>
    <message>
        <source>channel {c} (pooling is per channel)</source>
        <translation>通道 {c}（池化按通道进行）</translation>
    </message>
    <message>
        <source>input channel {c}</source>
        <translation>输入通道 {c}</translation>
    </message>
    <message>
        <source>Σ all {n} input channels</source>
        <translation>Σ 全部 {n} 个输入通道</translation>
    </message>
    <message>
        <source>Input channel {c}&apos;s share of output channel {out}</source>
        <translation>输入通道 {c} 在输出通道 {out} 中的份额</translation>
    </message>
    <message>
        <source>Output channel {out}: {h}x{w}</source>
        <translation>输出通道 {out}：{h}x{w}</translation>
    </message>
    <message>
        <source>Watch the kernel slide</source>
        <translation>观看卷积核滑动</translation>
    </message>
    <message>
        <source>sandbox: typed numbers, no network</source>
        <translation>沙盒：手动输入的数字，没有网络</translation>
    </message>
    <message>
        <source>standalone layer</source>
        <translation>独立的层</translation>
    </message>
    <message>
        <source>model: {title} · {source}</source>
        <translation>模型：{title} · {source}</translation>
    </message>
    <message>
        <source>sample digit</source>
        <translation>样本数字</translation>
    </message>
    <message>
        <source>not the design being edited ({name})</source>
        <translation>不是正在编辑的设计（{name}）</translation>
    </message>
    <message>
        <source>whole map in {s} s</source>
        <translation>{s} 秒走完整张图</translation>
    </message>
    <message>
        <source>{n} step/s</source>
        <translation>每秒 {n} 步</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>每秒 {n} 步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>step {i} / {n}  ·  output ({row}, {col})</source>
        <translation>第 {i}/{n} 步  ·  输出 ({row}, {col})</translation>
    </message>
</context>
<context>
    <name>KernelView</name>
    <message>
        <source>The convolution block whose kernels are shown</source>
        <translation>显示其卷积核的卷积模块</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>No convolution blocks in this model.</source>
        <translation>这个模型没有卷积模块。</translation>
    </message>
    <message>
        <source>{out} output × {inp} input channels, {kh}×{kw} kernels   range {low} … {high}</source>
        <translation>{out} 个输出 × {inp} 个输入通道，{kh}×{kw} 卷积核   范围 {low} … {high}</translation>
    </message>
    <message>
        <source>Showing the first {n} of {out} output channels and the first {m} of {inp} input channels. </source>
        <translation>显示 {out} 个输出通道中的前 {n} 个，以及 {inp} 个输入通道中的前 {m} 个。</translation>
    </message>
    <message>
        <source>Showing the first {n} of {out} output channels. </source>
        <translation>显示 {out} 个输出通道中的前 {n} 个。</translation>
    </message>
    <message>
        <source>Showing the first {m} of {inp} input channels. </source>
        <translation>显示 {inp} 个输入通道中的前 {m} 个。</translation>
    </message>
    <message>
        <source>Red: positive weights, blue: negative, white: zero. Hover a kernel for values.</source>
        <translation>红色：正权重，蓝色：负权重，白色：零。把鼠标悬停在卷积核上可查看数值。</translation>
    </message>
    <message>
        <source>Rows: output channels; columns: input channels. </source>
        <translation>行：输出通道；列：输入通道。</translation>
    </message>
    <message>
        <source>out {o}, in {i}: weight[{row}, {col}] = {value}   (kernel range {low} … {high})</source>
        <translation>输出 {o}，输入 {i}：权重[{row}, {col}] = {value}   （卷积核范围 {low} … {high}）</translation>
    </message>
    <message>
        <source>out {o}</source>
        <translation>输出 {o}</translation>
    </message>
    <message>
        <source>out {o}: weight[{row}, {col}] = {value}   (kernel range {low} … {high})</source>
        <translation>输出 {o}：权重[{row}, {col}] = {value}   （卷积核范围 {low} … {high}）</translation>
    </message>
    <message>
        <source>out {o}: weight[{row}, {col}] = R {r}, G {g}, B {b}</source>
        <translation>输出 {o}：权重[{row}, {col}] = R {r}，G {g}，B {b}</translation>
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
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the {title} plot as a PNG image or its data as CSV</source>
        <translation>把“{title}”图保存为 PNG 图像，或把其数据保存为 CSV</translation>
    </message>
    <message>
        <source>Save image (PNG)…</source>
        <translation>保存图像（PNG）…</translation>
    </message>
    <message>
        <source>Save data (CSV)…</source>
        <translation>保存数据（CSV）…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>导出“{title}”</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Opened design</source>
        <translation>打开的设计</translation>
    </message>
    <message>
        <source>Autosave is off: {reason}</source>
        <translation>自动保存已关闭：{reason}</translation>
    </message>
    <message>
        <source>Open the {name} example</source>
        <translation>打开示例 {name}</translation>
    </message>
    <message>
        <source>open another design</source>
        <translation>打开另一个设计</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.
Save them first?</source>
        <translation>“{name}”有未保存的更改。
先保存吗？</translation>
    </message>
    <message>
        <source>New design: drag layers from the palette</source>
        <translation>新设计：从层面板拖入层</translation>
    </message>
    <message>
        <source>Designs (*.json);;All files (*)</source>
        <translation>设计 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <source>Cannot open design</source>
        <translation>无法打开设计</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>Opened the {name} example</source>
        <translation>已打开示例 {name}</translation>
    </message>
    <message>
        <source>Save design as</source>
        <translation>设计另存为</translation>
    </message>
    <message>
        <source>Cannot save design</source>
        <translation>无法保存设计</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Could not reopen {name}: {error}</source>
        <translation>无法重新打开 {name}：{error}</translation>
    </message>
    <message>
        <source>Could not restore the last design: {error}</source>
        <translation>无法恢复上次的设计：{error}</translation>
    </message>
    <message>
        <source>{count} damaged autosave(s) could not be read and were set aside: {name}</source>
        <translation>{count} 个损坏的自动保存无法读取，已移到一旁：{name}</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的更改吗？</translation>
    </message>
    <message>
        <source>CNN Playground did not close normally. Unsaved changes to “{name}” were autosaved at {when}.

Recover them?</source>
        <translation>CNN Playground 上次没有正常关闭。“{name}”的未保存更改已在 {when} 自动保存。

要恢复吗？</translation>
    </message>
    <message>
        <source>Recovered unsaved changes to {name}</source>
        <translation>已恢复 {name} 的未保存更改</translation>
    </message>
    <message>
        <source>close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>About CNN Playground</source>
        <translation>关于 CNN Playground</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build a convolutional network from blocks, watch every shape and parameter count update as you go, train it, and see what it sees.&lt;/p&gt;&lt;p&gt;Designs are plain JSON files; every number matches what PyTorch builds.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用模块搭建卷积神经网络，边搭边看每个形状和参数量的变化，训练它，并看看它看到了什么。&lt;/p&gt;&lt;p&gt;设计是普通的 JSON 文件；每个数字都与 PyTorch 构建的结果一致。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&lt;b&gt;{params}&lt;/b&gt; params ({trainable} trainable)</source>
        <translation>&lt;b&gt;{params}&lt;/b&gt; 个参数（{trainable} 个可训练）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{params}&lt;/b&gt; params</source>
        <translation>&lt;b&gt;{params}&lt;/b&gt; 个参数</translation>
    </message>
    <message>
        <source>{params} parameters, {trainable} trainable</source>
        <translation>{params} 个参数，其中 {trainable} 个可训练</translation>
    </message>
    <message>
        <source>&lt;b&gt;{macs}&lt;/b&gt; MACs</source>
        <translation>&lt;b&gt;{macs}&lt;/b&gt; 次乘加</translation>
    </message>
    <message>
        <source>{macs} multiply-accumulates per image ({flops} FLOPs)</source>
        <translation>每张图像 {macs} 次乘加运算（{flops} FLOPs）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{size}&lt;/b&gt; weights</source>
        <translation>权重 &lt;b&gt;{size}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Memory for the weights as float32</source>
        <translation>以 float32 存放权重所需的内存</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Every block has a valid shape</source>
        <translation>每个模块都有有效的形状</translation>
    </message>
    <message>
        <source>{count} error</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Not now: {reason}</source>
        <translation>现在不行：{reason}</translation>
    </message>
</context>
<context>
    <name>MisclassifiedGallery</name>
    <message>
        <source>← most confident mistakes</source>
        <translation>← 最自信的错误</translation>
    </message>
    <message>
        <source>Show the validation images the model got wrong with the highest confidence</source>
        <translation>显示模型以最高置信度判错的验证图像</translation>
    </message>
    <message>
        <source>Most confidently wrong</source>
        <translation>最自信的错误</translation>
    </message>
    <message>
        <source>Misclassified validation images appear after an epoch.</source>
        <translation>一个 epoch 结束后显示分错的验证图像。</translation>
    </message>
    <message>
        <source>{title} (first {count} shown)</source>
        <translation>{title}（显示前 {count} 张）</translation>
    </message>
    <message>
        <source>pred {pred}{confidence}
true {true}</source>
        <translation>预测 {pred}{confidence}
真实 {true}</translation>
    </message>
    <message>
        <source>validation image #{index}: predicted {pred}{confidence}, true {true}</source>
        <translation>验证图像 #{index}：预测为 {pred}{confidence}，真实为 {true}</translation>
    </message>
    <message>
        <source>No images here.</source>
        <translation>这里没有图像。</translation>
    </message>
</context>
<context>
    <name>ModelHub</name>
    <message>
        <source>{name}, not trained yet</source>
        <translation>{name}，尚未训练</translation>
    </message>
    <message>
        <source>edited from {source}</source>
        <translation>由{source}编辑而来</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>{name} cannot be built yet ({error}); the Draw page keeps the {source}.</source>
        <translation>{name} 还无法构建（{error}）；绘制页继续使用{source}。</translation>
    </message>
    <message>
        <source>Could not save the model: there is no model yet: train one or load a checkpoint</source>
        <translation>无法保存模型：还没有模型，请先训练一个或加载检查点</translation>
    </message>
    <message>
        <source>Could not save the model: {error}</source>
        <translation>无法保存模型：{error}</translation>
    </message>
    <message>
        <source>Saved the model to {path}</source>
        <translation>模型已保存到 {path}</translation>
    </message>
    <message>
        <source>Could not load the model: {error}</source>
        <translation>无法加载模型：{error}</translation>
    </message>
    <message>
        <source>Loaded {file}: {name}, trained on {dataset}{detail}.</source>
        <translation>已加载 {file}：{name}，在 {dataset} 上训练{detail}。</translation>
    </message>
</context>
<context>
    <name>NetworkOverview</name>
    <message>
        <source>Draw a digit to see the whole network at work.</source>
        <translation>画一个数字，观看整个网络的运作。</translation>
    </message>
    <message>
        <source>This network was not built from its design here: its blocks cannot be shown one by one.</source>
        <translation>这个网络不是在这里由其设计构建的：无法逐个显示它的模块。</translation>
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
        <translation>画一个数字，查看网络的输出。</translation>
    </message>
    <message>
        <source>channel {c}, at ({r}, {k}): {v:.4g}</source>
        <translation>通道 {c}，在 ({r}, {k}) 处：{v:.4g}</translation>
    </message>
    <message>
        <source>Values from {low:.3g} to {high:.3g}; hover a cell for its value.</source>
        <translation>数值从 {low:.3g} 到 {high:.3g}；把鼠标悬停在单元格上可查看其数值。</translation>
    </message>
</context>
<context>
    <name>OverviewCanvas</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>另 {n} 个</translation>
    </message>
    <message>
        <source>+{n}</source>
        <translation>+{n}</translation>
    </message>
    <message>
        <source>top {n} of {total}</source>
        <translation>{total} 个中的前 {n} 个</translation>
    </message>
    <message>
        <source>{block}: class {c}, p = {p}</source>
        <translation>{block}：类别 {c}，p = {p}</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>{block}: {what} {c}, values {low} … {high}</source>
        <translation>{block}：{what} {c}，数值 {low} … {high}</translation>
    </message>
    <message>
        <source>inside {where}</source>
        <translation>位于 {where}</translation>
    </message>
    <message>
        <source>Click to slide this kernel over the digit</source>
        <translation>点击可让这个卷积核在数字上滑动</translation>
    </message>
    <message>
        <source>The Kernel slide page cannot show a {kind} (it slides Conv2d and pooling windows only): click to open it in Feature maps</source>
        <translation>卷积滑动页无法显示 {kind}（它只滑动 Conv2d 和池化窗口）：点击可在特征图中打开它</translation>
    </message>
    <message>
        <source>Click to open this block in Feature maps</source>
        <translation>点击可在特征图中打开这个模块</translation>
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
    <name>PageSlot</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train the design with live plots</source>
        <translation>训练设计，实时显示曲线</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Draw a digit and watch the network classify it</source>
        <translation>手写一个数字，看网络如何分类</translation>
    </message>
    <message>
        <source>Kernel slide</source>
        <translation>卷积滑动</translation>
    </message>
    <message>
        <source>Watch a kernel slide over your digit, multiply-add by multiply-add</source>
        <translation>看卷积核在你的数字上滑动，一次次乘加</translation>
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
    <name>PerClassAccuracyView</name>
    <message>
        <source>Validation accuracy per class (the share of each class&apos;s images predicted right):</source>
        <translation>每个类别的验证准确率（该类图像中预测正确的比例）：</translation>
    </message>
    <message>
        <source>Accuracy per class appears after an epoch.</source>
        <translation>一个 epoch 结束后显示每个类别的准确率。</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>没有图像</translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <source>Class probabilities</source>
        <translation>类别概率</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Accuracy per class (%)</source>
        <translation>每个类别的准确率（%）</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Results of the latest epoch on the validation images. Click a cell to see its images.</source>
        <translation>最近一个 epoch 在验证图像上的结果。点击一个单元格查看其中的图像。</translation>
    </message>
    <message>
        <source>Most confidently wrong</source>
        <translation>最自信的错误</translation>
    </message>
    <message>
        <source>these {count}</source>
        <translation>共 {count} 张</translation>
    </message>
    <message>
        <source>none</source>
        <translation>没有</translation>
    </message>
    <message>
        <source>true {true}, predicted correctly: {these}</source>
        <translation>真实 {true}，预测正确：{these}</translation>
    </message>
    <message>
        <source>true {true}, predicted {pred}: {these}</source>
        <translation>真实 {true}，预测为 {pred}：{these}</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>0</translation>
    </message>
    <message>
        <source>one</source>
        <translation>1</translation>
    </message>
    <message>
        <source>two</source>
        <translation>2</translation>
    </message>
    <message>
        <source>three</source>
        <translation>3</translation>
    </message>
    <message>
        <source>four</source>
        <translation>4</translation>
    </message>
    <message>
        <source>five</source>
        <translation>5</translation>
    </message>
    <message>
        <source>six</source>
        <translation>6</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>7</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>8</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>9</translation>
    </message>
    <message>
        <source>ten</source>
        <translation>10</translation>
    </message>
    <message>
        <source>eleven</source>
        <translation>11</translation>
    </message>
    <message>
        <source>twelve</source>
        <translation>12</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss (validation solid, training dashed)</source>
        <translation>损失（实线为验证，虚线为训练）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch（轮）</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>epoch 数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>cli</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>{n} parameters</source>
        <translation>{n} 个参数</translation>
    </message>
    <message>
        <source>{n} multiply-accumulates per image</source>
        <translation>每张图像 {n} 次乘加运算</translation>
    </message>
    <message>
        <source>trained on {device}, from the {source}</source>
        <translation>在 {device} 上训练，来自{source}</translation>
    </message>
</context>
<context>
    <name>RunsScatter</name>
    <message>
        <source>Accuracy vs compute</source>
        <translation>准确率与计算量</translation>
    </message>
    <message>
        <source>MACs per image</source>
        <translation>每张图像的 MACs</translation>
    </message>
    <message>
        <source>best validation accuracy (%)</source>
        <translation>最佳验证准确率（%）</translation>
    </message>
    <message>
        <source>#{id} {design} on {dataset}
{macs} MACs, {params} params
best validation accuracy {acc:.2f}%</source>
        <translation>#{id} {design}，数据集 {dataset}
{macs} MACs，{params} 个参数
最佳验证准确率 {acc:.2f}%</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Filter by run or design name</source>
        <translation>按运行或设计名称筛选</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>所有数据集</translation>
    </message>
    <message>
        <source>Every training run, from this window, earlier launches and the command line. Select several to compare their curves; double-click a name or a note to edit it. MACs: multiply-accumulates per image.</source>
        <translation>每一次训练运行，来自本窗口、之前的启动和命令行。选择多个以比较它们的曲线；双击名称或备注可编辑。MACs：每张图像的乘加运算次数。</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <source>Open the run&apos;s design as a new untitled design</source>
        <translation>把该运行的设计作为新的未命名设计打开</translation>
    </message>
    <message>
        <source>Load checkpoint</source>
        <translation>加载检查点</translation>
    </message>
    <message>
        <source>Make the run&apos;s saved weights the active model</source>
        <translation>把该运行保存的权重设为当前模型</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Give the run a name of its own</source>
        <translation>给这次运行起个名字</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Write a note about the run</source>
        <translation>为这次运行写一条备注</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected runs from the history</source>
        <translation>从运行记录中删除所选运行</translation>
    </message>
    <message>
        <source>The run history cannot be opened: {reason}</source>
        <translation>无法打开运行记录：{reason}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>{n} runs</source>
        <translation>{n} 次运行</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 次运行</translation>
    </message>
    <message>
        <source>The design of run #{id} cannot be opened: {reason}</source>
        <translation>无法打开运行 #{id} 的设计：{reason}</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>Name of run #{id}:</source>
        <translation>运行 #{id} 的名称：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on run #{id}:</source>
        <translation>运行 #{id} 的备注：</translation>
    </message>
    <message>
        <source>run #{id}</source>
        <translation>运行 #{id}</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Delete {what} from the run history, with its metrics? This cannot be undone (saved checkpoints stay where they are).</source>
        <translation>要从运行记录中删除{what}及其指标吗？此操作无法撤销（已保存的检查点保持不变）。</translation>
    </message>
</context>
<context>
    <name>SaliencyView</name>
    <message>
        <source>Input × gradient</source>
        <translation>输入 × 梯度</translation>
    </message>
    <message>
        <source>Draw a digit to see which pixels drove the prediction.</source>
        <translation>画一个数字，查看哪些像素决定了预测。</translation>
    </message>
    <message>
        <source>Explain the predicted class or any other one</source>
        <translation>解释预测的类别，或任何其他类别</translation>
    </message>
    <message>
        <source>the predicted one</source>
        <translation>预测的类别</translation>
    </message>
    <message>
        <source>Explain class</source>
        <translation>解释类别</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input × gradient&lt;/b&gt;: each inked pixel&apos;s share of the class score (&lt;span style=&apos;color:#d62728&apos;&gt;red raises it&lt;/span&gt;, &lt;span style=&apos;color:#1f77b4&apos;&gt;blue lowers it&lt;/span&gt;). &lt;b&gt;SmoothGrad&lt;/b&gt;: the score&apos;s gradient averaged over 24 noisy copies: where more ink would raise or lower the score. &lt;b&gt;Grad-CAM&lt;/b&gt;: where the last convolution block found evidence for the class (bright = strong).</source>
        <translation>&lt;b&gt;输入 × 梯度&lt;/b&gt;：每个有笔迹的像素在类别得分中的份额（&lt;span style=&apos;color:#d62728&apos;&gt;红色使其升高&lt;/span&gt;，&lt;span style=&apos;color:#1f77b4&apos;&gt;蓝色使其降低&lt;/span&gt;）。&lt;b&gt;SmoothGrad&lt;/b&gt;：在 24 个加噪副本上平均的得分梯度：在哪里多加笔迹会升高或降低得分。&lt;b&gt;Grad-CAM&lt;/b&gt;：最后一个卷积模块在哪里找到了该类别的证据（越亮越强）。</translation>
    </message>
    <message>
        <source>Working out the maps for this drawing… {percent}</source>
        <translation>正在为这幅画计算这些图… {percent}</translation>
    </message>
    <message>
        <source>A big network takes a few seconds for these; the window stays usable meanwhile.</source>
        <translation>大型网络需要几秒钟来计算；在此期间窗口仍可使用。</translation>
    </message>
    <message>
        <source>{map} at ({row}, {col}): {value}</source>
        <translation>{map} 在 ({row}, {col}) 处：{value}</translation>
    </message>
    <message>
        <source>This model has no block these maps can look at.</source>
        <translation>这个模型没有可供这些图查看的模块。</translation>
    </message>
    <message>
        <source>Explaining class {target}.</source>
        <translation>正在解释类别 {target}。</translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>Your own numbers</source>
        <translation>你自己的数字</translation>
    </message>
    <message>
        <source>The input: one row a line, numbers split by spaces; a blank line starts the next channel (at most {side}×{side}).</source>
        <translation>输入：每行一行数字，用空格分隔；空行开始下一个通道（最多 {side}×{side}）。</translation>
    </message>
    <message>
        <source>The kernels: one grid per input channel for output channel 0, then the same for output 1, …; a blank line between grids.</source>
        <translation>卷积核：先为输出通道 0 的每个输入通道各写一个网格，然后同样写输出通道 1，…；网格之间空一行。</translation>
    </message>
    <message>
        <source>One bias per output channel.</source>
        <translation>每个输出通道一个偏置。</translation>
    </message>
    <message>
        <source>Stride: how many cells the window jumps.</source>
        <translation>stride 步幅：窗口每次跳过的格数。</translation>
    </message>
    <message>
        <source>Padding: a ring of zeros around the input.</source>
        <translation>padding 填充：输入周围的一圈零。</translation>
    </message>
    <message>
        <source>Dilation: the gap between kernel taps.</source>
        <translation>dilation 膨胀：卷积核各采样点之间的间隔。</translation>
    </message>
    <message>
        <source>Shift the picture by one pixel</source>
        <translation>把图片平移一个像素</translation>
    </message>
    <message>
        <source>Slide it</source>
        <translation>滑动</translation>
    </message>
    <message>
        <source>Back to the network</source>
        <translation>回到网络</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Here {moved} of {cells} map cells change with the shift; after pooling the maps are the same.</source>
        <translation>这里平移使 {cells} 个图单元中的 {moved} 个发生变化；池化之后两张图相同。</translation>
    </message>
    <message>
        <source>Here {moved} of {cells} map cells change with the shift; after pooling the maps are different.</source>
        <translation>这里平移使 {cells} 个图单元中的 {moved} 个发生变化；池化之后两张图不同。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Your convolution</source>
        <translation>你的卷积</translation>
    </message>
</context>
<context>
    <name>SlideDetail</name>
    <message>
        <source>Output channel {out}, row {row}, col {col}  ·  step {i} of {n}</source>
        <translation>输出通道 {out}，第 {row} 行，第 {col} 列  ·  第 {i}/{n} 步</translation>
    </message>
    <message>
        <source>Σ over {n} channels = {total}   + bias {bias}   = {value}</source>
        <translation>Σ {n} 个通道 = {total}   + 偏置 {bias}   = {value}</translation>
    </message>
    <message>
        <source>Σ products = {total}   + bias {bias}   = {value}</source>
        <translation>Σ 乘积 = {total}   + 偏置 {bias}   = {value}</translation>
    </message>
    <message>
        <source>Σ products = {total}</source>
        <translation>Σ 乘积 = {total}</translation>
    </message>
    <message>
        <source>Input channel {c}&apos;s share. With all {others} input channels and the bias the layer outputs {value} here.</source>
        <translation>输入通道 {c} 的份额。加上全部 {others} 个输入通道和偏置，该层在这里输出 {value}。</translation>
    </message>
    <message>
        <source>max of the window = {value}</source>
        <translation>窗口最大值 = {value}</translation>
    </message>
    <message>
        <source>The largest value sits at window row {row}, col {col}; padding counts as −∞.</source>
        <translation>最大值位于窗口第 {row} 行第 {col} 列；填充按 −∞ 计。</translation>
    </message>
    <message>
        <source>Σ window = {total}   ÷ {divisor}   = {value}</source>
        <translation>Σ 窗口 = {total}   ÷ {divisor}   = {value}</translation>
    </message>
    <message>
        <source>The divisor is fixed by divisor_override.</source>
        <translation>除数由 divisor_override 固定。</translation>
    </message>
    <message>
        <source>Padding cells count in the divisor.</source>
        <translation>填充的格子计入除数。</translation>
    </message>
    <message>
        <source>in {c}</source>
        <translation>输入 {c}</translation>
    </message>
    <message>
        <source>input patch</source>
        <translation>输入块</translation>
    </message>
    <message>
        <source>kernel weights</source>
        <translation>卷积核权重</translation>
    </message>
    <message>
        <source>products</source>
        <translation>乘积</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>… and {n} more input channels, together Σ {total}</source>
        <translation>… 以及另外 {n} 个输入通道，合计 Σ {total}</translation>
    </message>
</context>
<context>
    <name>SlidingCanvas</name>
    <message>
        <source>Click an output cell to jump there; click an input cell to see what it feeds.</source>
        <translation>点击输出单元格跳到那里；点击输入单元格查看它影响哪些输出。</translation>
    </message>
    <message>
        <source>Kernel animation</source>
        <translation>卷积核动画</translation>
    </message>
    <message>
        <source>Output row {row}, col {col} = {value}
Click to jump the window here.</source>
        <translation>输出第 {row} 行，第 {col} 列 = {value}
点击把窗口跳到这里。</translation>
    </message>
    <message>
        <source>Input channel {c}: click to show it in the input grid.</source>
        <translation>输入通道 {c}：点击在输入网格中显示它。</translation>
    </message>
    <message>
        <source>Beyond the padded input: a ceil-mode window hangs over here; these cells are not counted.</source>
        <translation>超出填充后的输入：ceil_mode 的窗口悬在这里；这些格子不计入。</translation>
    </message>
    <message>
        <source>Padding: max pooling ignores it (it counts as −∞).
Click to see which outputs cover it.</source>
        <translation>填充：最大池化忽略它（按 −∞ 计）。
点击查看哪些输出覆盖它。</translation>
    </message>
    <message>
        <source>Padding = 0.
Click to see which outputs cover it.</source>
        <translation>填充 = 0。
点击查看哪些输出覆盖它。</translation>
    </message>
    <message>
        <source>Zero padding = {value}</source>
        <translation>零填充 = {value}</translation>
    </message>
    <message>
        <source>Reflect padding = {value}</source>
        <translation>反射填充 = {value}</translation>
    </message>
    <message>
        <source>Replicate padding = {value}</source>
        <translation>复制填充 = {value}</translation>
    </message>
    <message>
        <source>Circular padding = {value}</source>
        <translation>循环填充 = {value}</translation>
    </message>
    <message>
        <source>, a copy of input row {row}, col {col}</source>
        <translation>，是输入第 {row} 行第 {col} 列的副本</translation>
    </message>
    <message>
        <source>Click to see which outputs read it.</source>
        <translation>点击查看哪些输出读取它。</translation>
    </message>
    <message>
        <source>Input row {row}, col {col} = {value} (channel {c})
Click to see which outputs it feeds.</source>
        <translation>输入第 {row} 行，第 {col} 列 = {value}（通道 {c}）
点击查看它影响哪些输出。</translation>
    </message>
    <message>
        <source>{input}, channel {c} of {n}: {h}x{w}</source>
        <translation>{input}，通道 {c}/{n}：{h}x{w}</translation>
    </message>
    <message>
        <source>{input}: {h}x{w}</source>
        <translation>{input}：{h}x{w}</translation>
    </message>
    <message>
        <source>Input row {row}, col {col} feeds the {n} highlighted output cells ({k} through padding copies).</source>
        <translation>输入第 {row} 行第 {col} 列影响 {n} 个高亮的输出单元格（其中 {k} 个通过填充副本）。</translation>
    </message>
    <message>
        <source>Input row {row}, col {col} feeds the {n} highlighted output cells.</source>
        <translation>输入第 {row} 行第 {col} 列影响 {n} 个高亮的输出单元格。</translation>
    </message>
    <message>
        <source>This padding cell is read by the {n} highlighted output cells.</source>
        <translation>这个填充格被 {n} 个高亮的输出单元格读取。</translation>
    </message>
</context>
<context>
    <name>StartupLoader</name>
    <message>
        <source>loading failed (the terminal shows why)</source>
        <translation>加载失败（原因见终端）</translation>
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
        <translation>在多个 GPU/多台机器上运行</translation>
    </message>
    <message>
        <source>Processes per machine: one per GPU (on the CPU they share the cores)</source>
        <translation>每台机器的进程数：每个 GPU 一个（在 CPU 上它们共享核心）</translation>
    </message>
    <message>
        <source>Machines (nodes); on several, each runs the command with its NODE_RANK and the first machine&apos;s MASTER_ADDR</source>
        <translation>机器（节点）数；多台时，每台用自己的 NODE_RANK 和第一台机器的 MASTER_ADDR 运行该命令</translation>
    </message>
    <message>
        <source>Processes per machine</source>
        <translation>每台机器的进程数</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>机器数</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the Train page&apos;s settings again</source>
        <translation>重新读取训练页的设置</translation>
    </message>
    <message>
        <source>Write job folder…</source>
        <translation>写出作业文件夹…</translation>
    </message>
    <message>
        <source>Write design.json, launch.sh and a README into a folder to copy to the machines</source>
        <translation>把 design.json、launch.sh 和一份说明写入一个文件夹，再复制到各台机器</translation>
    </message>
    <message>
        <source>The settings are not valid: {reason}</source>
        <translation>设置无效：{reason}</translation>
    </message>
    <message>
        <source>Run it where {design} is, or write the job folder and run its {launch}.</source>
        <translation>在 {design} 所在处运行它，或写出作业文件夹并运行其中的 {launch}。</translation>
    </message>
    <message>
        <source>It trains the saved design file.</source>
        <translation>它训练已保存的设计文件。</translation>
    </message>
    <message>
        <source>{world} process(es) in all; the batch size {batch} is per process, so the global batch is {total}. Only the first process prints and writes the checkpoint, which opens here with File ▸ Load Model. {where}</source>
        <translation>共 {world} 个进程；批大小 {batch} 是每个进程的，所以全局批大小为 {total}。只有第一个进程打印输出并写出检查点，可在此处用“文件 ▸ 加载模型”打开。{where}</translation>
    </message>
    <message>
        <source>Folder for the training job</source>
        <translation>训练作业的文件夹</translation>
    </message>
    <message>
        <source>Could not write the job: {reason}</source>
        <translation>无法写出作业：{reason}</translation>
    </message>
    <message>
        <source>Wrote {files} in {folder}: copy the folder to the machines and run ./{launch} there.</source>
        <translation>已在 {folder} 中写出 {files}：把该文件夹复制到各台机器并在那里运行 ./{launch}。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training is running: stop it to change the network&apos;s layers</source>
        <translation>正在训练：先停止训练才能修改网络的层</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step and keep the weights so far (Ctrl+.)</source>
        <translation>在当前这一步之后停止，并保留目前的权重（Ctrl+.）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Live plots</source>
        <translation>实时曲线</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · {params} parameters · {macs} MACs per image</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {params} 个参数 · 每张图像 {macs} 次乘加运算（MACs）</translation>
    </message>
    <message>
        <source>fix the design first: {path}: {problem}</source>
        <translation>请先修正设计：{path}：{problem}</translation>
    </message>
    <message>
        <source>fix the design first: {problem}</source>
        <translation>请先修正设计：{problem}</translation>
    </message>
    <message>
        <source>add some layers to the design first</source>
        <translation>请先在设计中添加一些层</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Continue training (Ctrl+T)</source>
        <translation>继续训练（Ctrl+T）</translation>
    </message>
    <message>
        <source>Pause after the current step (Ctrl+T)</source>
        <translation>在当前这一步之后暂停（Ctrl+T）</translation>
    </message>
    <message>
        <source>Too big to train here: %1</source>
        <translation>太大，无法在这里训练：%1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Can&apos;t train yet: {problem}</source>
        <translation>还不能训练：{problem}</translation>
    </message>
    <message>
        <source>Train the open design with these settings (Ctrl+T)</source>
        <translation>用这些设置训练打开的设计（Ctrl+T）</translation>
    </message>
    <message>
        <source>close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is training. Stop training to {what}?
The weights of the epochs done so far are kept.</source>
        <translation>有模型正在训练。要停止训练以{what}吗？
已完成的 epoch 的权重会保留。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · step {step}/{steps}</source>
        <translation>epoch {epoch}/{epochs} · 第 {step}/{steps} 步</translation>
    </message>
    <message>
        <source>{progress} · paused</source>
        <translation>{progress} · 已暂停</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>将在当前这一步之后停止…</translation>
    </message>
    <message>
        <source>Loading {data} and building the model…</source>
        <translation>正在加载 {data} 并构建模型…</translation>
    </message>
    <message>
        <source>Stopped: 1 epoch</source>
        <translation>已停止：1 个 epoch</translation>
    </message>
    <message>
        <source>Stopped: {count} epochs</source>
        <translation>已停止：{count} 个 epoch</translation>
    </message>
    <message>
        <source>Done: 1 epoch</source>
        <translation>完成：1 个 epoch</translation>
    </message>
    <message>
        <source>Done: {count} epochs</source>
        <translation>完成：{count} 个 epoch</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>{duration} of training</source>
        <translation>训练用时 {duration}</translation>
    </message>
    <message>
        <source>{rate} images/s · {elapsed} elapsed</source>
        <translation>每秒 {rate} 张图像 · 已用 {elapsed}</translation>
    </message>
    <message>
        <source>{speed} · about {left} left</source>
        <translation>{speed} · 约剩 {left}</translation>
    </message>
    <message>
        <source>paused · {speed}</source>
        <translation>已暂停 · {speed}</translation>
    </message>
    <message>
        <source>Results (epoch {epoch})</source>
        <translation>结果（epoch {epoch}）</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}: {accuracy}% of {count} validation images right (loss {loss}). Click a cell of the matrix to see its images.</source>
        <translation>第 {epoch}/{epochs} 个 epoch：{count} 张验证图像中 {accuracy}% 预测正确（损失 {loss}）。点击矩阵的单元格查看其中的图像。</translation>
    </message>
    <message>
        <source>Training stopped: {reason}</source>
        <translation>训练已停止：{reason}</translation>
    </message>
    <message>
        <source>Stopped before the first epoch ended: no weights kept.</source>
        <translation>在第一个 epoch 结束前已停止：没有保留权重。</translation>
    </message>
    <message>
        <source>Finished before the first epoch ended: no weights kept.</source>
        <translation>在第一个 epoch 结束前已结束：没有保留权重。</translation>
    </message>
    <message>
        <source>Stopped after 1 epoch in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 1 个 epoch、用时 {duration} 后停止：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>Stopped after {count} epochs in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 {count} 个 epoch、用时 {duration} 后停止：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>Finished after 1 epoch in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 1 个 epoch、用时 {duration} 后完成：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>Finished after {count} epochs in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 {count} 个 epoch、用时 {duration} 后完成：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>{result} The trained model is now the active one for drawing.</source>
        <translation>{result}训练好的模型现在是绘制页使用的当前模型。</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>epoch（轮）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>train (per step)</source>
        <translation>训练（每步）</translation>
    </message>
    <message>
        <source>train (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Validation accuracy is measured after each epoch on images the model never
trains on. Training accuracy is the average over the epoch, while the model
was still learning, so early on it is lower than validation.</source>
        <translation>验证准确率在每个 epoch 之后，用模型从未训练过的图像测量。
训练准确率是整个 epoch 的平均值，那时模型还在学习，
所以在早期它比验证准确率低。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Stop training before loading another model.</source>
        <translation>加载其他模型前请先停止训练。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>training: {name}, epoch {epoch}/{epochs}, {accuracy}%</source>
        <translation>训练中：{name}，epoch {epoch}/{epochs}，{accuracy}%</translation>
    </message>
    <message>
        <source>trained: {name}, {count} epoch, {accuracy}%</source>
        <translation>已训练：{name}，{count} 个 epoch，{accuracy}%</translation>
    </message>
    <message>
        <source>trained: {name}, {count} epochs, {accuracy}%</source>
        <translation>已训练：{name}，{count} 个 epoch，{accuracy}%</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>Automatic ({device})</source>
        <translation>自动（{device}）</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Models (*.pt);;All files (*)</source>
        <translation>模型 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The pretrained model could not be loaded: {problem}</source>
        <translation>无法加载预训练模型：{problem}</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
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
